import { sql, type Kysely } from 'kysely';

// The support line: tickets with their thread, and the on-call rota with a backup.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE oncall_shifts (
  id              bigserial PRIMARY KEY,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  primary_id      bigint NOT NULL REFERENCES users,
  primary_phone   text NOT NULL,
  backup_id       bigint NOT NULL REFERENCES users,
  backup_phone    text NOT NULL,
  created_at      timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (primary_id <> backup_id)
);
CREATE INDEX oncall_shifts_time_idx ON oncall_shifts (starts_at, ends_at);

CREATE TABLE tickets (
  id                 bigserial PRIMARY KEY,
  kind               text NOT NULL CHECK (kind IN ('wrongly_held_post', 'violation', 'technical', 'billing', 'other', 'advertising', 'cooperation', 'contact')),
  priority           text NOT NULL CHECK (priority IN ('urgent', 'normal')),
  status             text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'waiting', 'resolved')),
  requester_id       bigint REFERENCES users ON DELETE SET NULL,
  requester_name     text NOT NULL,
  requester_email    text NOT NULL,
  requester_phone    text,
  post_id            bigint REFERENCES posts ON DELETE SET NULL,
  oncall_shift_id    bigint REFERENCES oncall_shifts ON DELETE SET NULL,
  created_at         timestamptz NOT NULL,
  acknowledged_at    timestamptz,
  acknowledged_by    bigint REFERENCES users ON DELETE SET NULL,
  backup_paged_at    timestamptz,
  first_response_at  timestamptz,
  resolved_at        timestamptz
);
CREATE INDEX tickets_open_idx ON tickets (priority, created_at) WHERE status <> 'resolved';
CREATE INDEX tickets_requester_idx ON tickets (requester_id, created_at DESC);

CREATE TABLE ticket_messages (
  id          bigserial PRIMARY KEY,
  ticket_id   bigint NOT NULL REFERENCES tickets ON DELETE CASCADE,
  author_id   bigint REFERENCES users ON DELETE SET NULL,
  author_name text NOT NULL,
  from_staff  boolean NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (ticket_id, id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE ticket_messages, tickets, oncall_shifts;`).execute(db);
}
