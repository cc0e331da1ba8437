import { sql, type Kysely } from 'kysely';

// Statistics: who joined and left when (the membership rows alone forget leavers), and the
// per-group, per-Warsaw-day figures kept up to date by a job.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE membership_events (
  id        bigserial PRIMARY KEY,
  group_id  bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  user_id   bigint REFERENCES users ON DELETE SET NULL,
  delta     smallint NOT NULL CHECK (delta IN (1, -1)),
  at        timestamptz NOT NULL
);
CREATE INDEX membership_events_group_idx ON membership_events (group_id, at);
-- Today's members joined when they were approved (or asked, for older rows).
INSERT INTO membership_events (group_id, user_id, delta, at)
SELECT group_id, user_id, 1, coalesce(decided_at, requested_at) FROM memberships WHERE status = 'approved';

CREATE TABLE group_daily_stats (
  group_id        bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  day             date NOT NULL,
  members_total   integer NOT NULL,
  joined          integer NOT NULL,
  left_group      integer NOT NULL,
  views           integer NOT NULL,
  unique_viewers  integer NOT NULL,
  posts           integer NOT NULL,
  comments        integer NOT NULL,
  reactions       integer NOT NULL,
  shares          integer NOT NULL,
  active_members  integer NOT NULL,
  PRIMARY KEY (group_id, day)
);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE group_daily_stats, membership_events;`).execute(db);
}
