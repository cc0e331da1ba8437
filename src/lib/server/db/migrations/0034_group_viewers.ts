import { sql, type Kysely } from 'kysely';

// Issue 18: the statistics job (today and yesterday of every group, every minute) must cost what
// the day's activity costs, not what the history holds.
// - Unique viewers of a group per Warsaw day and per month are counted as views arrive: a
//   statement trigger on post_views adds each (group, day, viewer) and (group, month, viewer) to
//   group_period_viewers once and bumps group_period_viewer_counts by the new ones. The sets are
//   only needed while their period can still get views (stats/view-partitions.ts trims them); the
//   counts are kept for ever. Until now the job counted distinct viewers over the month's raw views.
// - The job's range scans by time get indexes (it read every comment and reaction each minute).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE group_period_viewers (
  period      char(1) NOT NULL CHECK (period IN ('d', 'm')),
  starts      date NOT NULL,
  group_id    bigint NOT NULL,
  viewer_key  text NOT NULL,
  PRIMARY KEY (period, starts, group_id, viewer_key)
);
CREATE TABLE group_period_viewer_counts (
  group_id  bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  period    char(1) NOT NULL CHECK (period IN ('d', 'm')),
  starts    date NOT NULL,
  viewers   integer NOT NULL,
  PRIMARY KEY (period, starts, group_id)
);

CREATE FUNCTION post_views_group_viewers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH seen AS (
    SELECT DISTINCT p.group_id, n.day, n.viewer_key FROM new_views n JOIN posts p ON p.id = n.post_id),
  fresh AS (
    INSERT INTO group_period_viewers (period, starts, group_id, viewer_key)
    SELECT 'd', day, group_id, viewer_key FROM seen
    UNION SELECT 'm', date_trunc('month', day)::date, group_id, viewer_key FROM seen
    ORDER BY 1, 2, 3, 4
    ON CONFLICT DO NOTHING
    RETURNING period, starts, group_id)
  INSERT INTO group_period_viewer_counts (period, starts, group_id, viewers)
  SELECT period, starts, group_id, count(*) FROM fresh GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period, starts, group_id) DO UPDATE SET viewers = group_period_viewer_counts.viewers + excluded.viewers;
  RETURN NULL;
END $$;
CREATE TRIGGER post_views_group_viewers AFTER INSERT ON post_views REFERENCING NEW TABLE AS new_views
  FOR EACH STATEMENT EXECUTE FUNCTION post_views_group_viewers();

INSERT INTO group_period_viewers (period, starts, group_id, viewer_key)
SELECT DISTINCT 'd', v.day, p.group_id, v.viewer_key FROM post_views v JOIN posts p ON p.id = v.post_id
UNION SELECT DISTINCT 'm', date_trunc('month', v.day)::date, p.group_id, v.viewer_key FROM post_views v JOIN posts p ON p.id = v.post_id;
INSERT INTO group_period_viewer_counts (period, starts, group_id, viewers)
SELECT period, starts, group_id, count(*) FROM group_period_viewers GROUP BY 1, 2, 3;

CREATE INDEX comments_created_idx ON comments (created_at);
CREATE INDEX post_reactions_created_idx ON post_reactions (created_at);
CREATE INDEX post_shares_created_idx ON post_shares (created_at);
CREATE INDEX membership_events_at_idx ON membership_events (at);
CREATE INDEX post_daily_views_day_idx ON post_daily_views (day);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP INDEX comments_created_idx, post_reactions_created_idx, post_shares_created_idx, membership_events_at_idx,
  post_daily_views_day_idx;
DROP TRIGGER post_views_group_viewers ON post_views;
DROP FUNCTION post_views_group_viewers();
DROP TABLE group_period_viewer_counts, group_period_viewers;
`).execute(db);
}
