import { sql, type Kysely } from 'kysely';

// Issue 19: "Wezmę udział" / "Interesuje mnie" under a post announcing an event, the reminder sent
// the day before to those coming (once per event: `posts.event_reminded_at`), and the group's
// calendar (events by their start).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE event_responses (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  response    text NOT NULL CHECK (response IN ('going', 'interested')),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (post_id, user_id)
);
CREATE INDEX event_responses_user_idx ON event_responses (user_id);
ALTER TABLE posts ADD COLUMN event_reminded_at timestamptz;
CREATE INDEX posts_group_event_idx ON posts (group_id, event_start) WHERE event_start IS NOT NULL AND status = 'published';
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP INDEX posts_group_event_idx;
ALTER TABLE posts DROP COLUMN event_reminded_at;
DROP TABLE event_responses;
`).execute(db);
}
