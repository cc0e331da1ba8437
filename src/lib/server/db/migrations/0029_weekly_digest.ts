import { sql, type Kysely } from 'kysely';

// Issue 17 (Pakiet 2): a member's "ogłoszenia gminy" (promoted posts as notifications and push)
// and "Tydzień w gminie" (the weekly digest e-mail), both on by default, per group. The group
// chooses the digest's day and hour (Warsaw time, default Friday 16:00); `digest_runs` records a
// week queued for a group, so the job queues each week once. Outbox rows may carry extra e-mail
// headers (the digest's RFC 8058 List-Unsubscribe and List-Unsubscribe-Post).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE memberships
  ADD COLUMN announcements boolean NOT NULL DEFAULT true,
  ADD COLUMN weekly_digest boolean NOT NULL DEFAULT true;
ALTER TABLE groups
  ADD COLUMN digest_weekday smallint NOT NULL DEFAULT 5 CHECK (digest_weekday BETWEEN 0 AND 6),
  ADD COLUMN digest_hour smallint NOT NULL DEFAULT 16 CHECK (digest_hour BETWEEN 0 AND 23);
ALTER TABLE outbox ADD COLUMN headers jsonb;
CREATE TABLE digest_runs (
  group_id    bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  week_start  date NOT NULL,
  queued_at   timestamptz NOT NULL,
  recipients  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (group_id, week_start)
);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE digest_runs;
ALTER TABLE outbox DROP COLUMN headers;
ALTER TABLE groups DROP COLUMN digest_weekday, DROP COLUMN digest_hour;
ALTER TABLE memberships DROP COLUMN announcements, DROP COLUMN weekly_digest;
`).execute(db);
}
