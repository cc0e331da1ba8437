import { sql, type Kysely } from 'kysely';

// Issue 19: following a post ("Obserwuj": told of its new comments) and muting it. An author follows
// their own post without a row; a row with `muted` silences the author too.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE post_follows (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  muted       boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (post_id, user_id)
);
CREATE INDEX post_follows_user_idx ON post_follows (user_id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE post_follows;`).execute(db);
}
