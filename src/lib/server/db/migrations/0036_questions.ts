import { sql, type Kysely } from 'kysely';

// Issue 19: a resident's question (a post in the category "questions") addressed to the office or a
// unit of the group's municipality. Its clock starts at the post's publication (posts.published_at);
// `unit_id` is who should answer now (forwarding moves it), `answer_comment_id` the first published
// comment of that unit's staff (shown first, marked "Odpowiedź urzędu"), `reminded_at` the one
// reminder after two working days.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE questions (
  post_id            bigint PRIMARY KEY REFERENCES posts ON DELETE CASCADE,
  group_id           bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  unit_id            bigint NOT NULL REFERENCES units ON DELETE CASCADE,
  state              text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'forwarded', 'answered')),
  forwarded_from     bigint REFERENCES units ON DELETE SET NULL,
  forwarded_at       timestamptz,
  answer_comment_id  bigint REFERENCES comments ON DELETE SET NULL,
  answered_at        timestamptz,
  reminded_at        timestamptz,
  CHECK ((state = 'answered') = (answered_at IS NOT NULL))
);
CREATE INDEX questions_open_idx ON questions (unit_id) WHERE state <> 'answered';
CREATE INDEX questions_group_idx ON questions (group_id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE questions;`).execute(db);
}
