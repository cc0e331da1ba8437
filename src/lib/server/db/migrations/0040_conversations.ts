import { sql, type Kysely } from 'kysely';

// Issue 19: private messages between members of a group. One conversation per pair of people
// (`user_low` < `user_high`), started in a group both belong to (its moderators take reports of
// it). What each person has read and was last e-mailed about is a message id (two messages may
// share a timestamp), with the time of that e-mail. Blocks between people; whether a person wants
// e-mails about unread messages; reports of a message, which alone let the group's moderators read
// that conversation.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE conversations (
  id               bigserial PRIMARY KEY,
  group_id         bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  post_id          bigint REFERENCES posts ON DELETE SET NULL,
  user_low         bigint NOT NULL REFERENCES users,
  user_high        bigint NOT NULL REFERENCES users,
  started_by       bigint NOT NULL REFERENCES users,
  created_at       timestamptz NOT NULL,
  last_message_at  timestamptz NOT NULL,
  last_sender_id   bigint NOT NULL REFERENCES users,
  last_message_id  bigint,
  CHECK (user_low < user_high),
  UNIQUE (user_low, user_high)
);
CREATE INDEX conversations_started_idx ON conversations (started_by, created_at);
CREATE TABLE conversation_members (
  conversation_id  bigint NOT NULL REFERENCES conversations ON DELETE CASCADE,
  user_id          bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  last_read_id     bigint NOT NULL DEFAULT 0,
  emailed_id       bigint NOT NULL DEFAULT 0,
  emailed_at       timestamptz,
  PRIMARY KEY (user_id, conversation_id)
);
CREATE TABLE private_messages (
  id               bigserial PRIMARY KEY,
  conversation_id  bigint NOT NULL REFERENCES conversations ON DELETE CASCADE,
  sender_id        bigint NOT NULL REFERENCES users,
  body             text NOT NULL,
  created_at       timestamptz NOT NULL,
  removed_at       timestamptz
);
CREATE INDEX private_messages_conversation_idx ON private_messages (conversation_id, id);
CREATE INDEX private_messages_sender_idx ON private_messages (sender_id);
CREATE TABLE user_blocks (
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  blocked_id  bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, blocked_id)
);
CREATE INDEX user_blocks_blocked_idx ON user_blocks (blocked_id);
CREATE TABLE message_reports (
  id               bigserial PRIMARY KEY,
  message_id       bigint NOT NULL REFERENCES private_messages ON DELETE CASCADE,
  conversation_id  bigint NOT NULL REFERENCES conversations ON DELETE CASCADE,
  group_id         bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  reporter_id      bigint NOT NULL REFERENCES users,
  reason           text NOT NULL,
  created_at       timestamptz NOT NULL,
  decision         text CHECK (decision IN ('removed', 'dismissed')),
  decided_by       bigint REFERENCES users,
  decided_at       timestamptz,
  UNIQUE (message_id, reporter_id)
);
CREATE INDEX message_reports_open_idx ON message_reports (group_id, created_at) WHERE decision IS NULL;
ALTER TABLE users ADD COLUMN message_emails boolean NOT NULL DEFAULT true;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE users DROP COLUMN message_emails;
DROP TABLE message_reports;
DROP TABLE user_blocks;
DROP TABLE private_messages;
DROP TABLE conversation_members;
DROP TABLE conversations;
`).execute(db);
}
