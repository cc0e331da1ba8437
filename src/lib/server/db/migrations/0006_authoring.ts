import { sql, type Kysely } from 'kysely';

// Publishing tools: drafts, scheduled posts, edits with kept history, deletion by the author,
// comments on or off per post.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE posts DROP CONSTRAINT posts_status_check;
ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN ('published', 'pending', 'changes_requested', 'rejected', 'removed', 'draft', 'scheduled', 'deleted'));
ALTER TABLE posts ADD COLUMN comments_enabled boolean NOT NULL DEFAULT true, ADD COLUMN scheduled_for timestamptz;
CREATE INDEX posts_scheduled_idx ON posts (scheduled_for) WHERE status = 'scheduled';

CREATE TABLE post_revisions (
  id         bigserial PRIMARY KEY,
  post_id    bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  body       text NOT NULL,
  category   text NOT NULL,
  edited_by  bigint REFERENCES users ON DELETE SET NULL,
  edited_at  timestamptz NOT NULL
);
CREATE INDEX post_revisions_post_idx ON post_revisions (post_id, id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE post_revisions;
DROP INDEX posts_scheduled_idx;
ALTER TABLE posts DROP COLUMN comments_enabled, DROP COLUMN scheduled_for;
ALTER TABLE posts DROP CONSTRAINT posts_status_check;
ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN ('published', 'pending', 'changes_requested', 'rejected', 'removed'));
`).execute(db);
}
