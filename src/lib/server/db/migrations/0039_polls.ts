import { sql, type Kysely } from 'kysely';

// Issue 19: a poll in a post (2–10 options, one or several choices, open until `closes_at` or until
// its author closes it) and the members' votes, one row per chosen option. A consultation is open
// only to members who named a place of the municipality.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE polls (
  post_id       bigint PRIMARY KEY REFERENCES posts ON DELETE CASCADE,
  options       text[] NOT NULL CHECK (cardinality(options) BETWEEN 2 AND 10),
  multiple      boolean NOT NULL DEFAULT false,
  consultation  boolean NOT NULL DEFAULT false,
  closes_at     timestamptz NOT NULL,
  closed_at     timestamptz
);
CREATE TABLE poll_votes (
  post_id     bigint NOT NULL REFERENCES polls ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  option      smallint NOT NULL CHECK (option BETWEEN 0 AND 9),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (post_id, user_id, option)
);
CREATE INDEX poll_votes_user_idx ON poll_votes (user_id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE poll_votes; DROP TABLE polls;`).execute(db);
}
