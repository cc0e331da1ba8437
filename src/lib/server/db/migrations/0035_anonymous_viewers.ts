import { sql, type Kysely } from 'kysely';

// Issue 18: an anonymous viewer key (`anon:…`, web/viewer.ts) names a visitor for one Warsaw day
// only, so it can never be seen again on a later day. Keeping it in the sets of "who has seen this
// already" (post_viewers for a post's unique viewers, group_period_viewers for a group's month)
// only grew them by every anonymous view (~30 M rows a day nationally, kept for ever in
// post_viewers). Now an anonymous key is a new viewer of a post and of a group's month exactly when
// it is a new raw view of that day (post_views' key already says so); the sets hold signed-in
// people only. The counts so far stay as they are.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE OR REPLACE FUNCTION post_views_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO post_daily_views (post_id, day, views, new_viewers)
  SELECT post_id, day, count(*), count(*) FILTER (WHERE viewer_key LIKE 'anon:%') FROM new_views GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (post_id, day) DO UPDATE
    SET views = post_daily_views.views + excluded.views, new_viewers = post_daily_views.new_viewers + excluded.new_viewers;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION post_views_group_viewers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH seen AS (
    SELECT DISTINCT p.group_id, n.day, n.viewer_key FROM new_views n JOIN posts p ON p.id = n.post_id),
  fresh AS (
    INSERT INTO group_period_viewers (period, starts, group_id, viewer_key)
    SELECT 'd', day, group_id, viewer_key FROM seen
    UNION SELECT 'm', date_trunc('month', day)::date, group_id, viewer_key FROM seen WHERE viewer_key NOT LIKE 'anon:%'
    ORDER BY 1, 2, 3, 4
    ON CONFLICT DO NOTHING
    RETURNING period, starts, group_id, viewer_key),
  counted AS (
    SELECT period, starts, group_id FROM fresh
    UNION ALL SELECT 'm', date_trunc('month', starts)::date, group_id FROM fresh WHERE period = 'd' AND viewer_key LIKE 'anon:%')
  INSERT INTO group_period_viewer_counts (period, starts, group_id, viewers)
  SELECT period, starts, group_id, count(*) FROM counted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period, starts, group_id) DO UPDATE SET viewers = group_period_viewer_counts.viewers + excluded.viewers;
  RETURN NULL;
END $$;

DELETE FROM post_viewers WHERE viewer_key LIKE 'anon:%';
DELETE FROM group_period_viewers WHERE period = 'm' AND viewer_key LIKE 'anon:%';
`).execute(db);
}

// The anonymous rows removed by up() are not brought back (their raw views may be gone): a view
// after down() of a key seen before up() would count its viewer again.
export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE OR REPLACE FUNCTION post_views_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO post_daily_views (post_id, day, views)
  SELECT post_id, day, count(*) FROM new_views GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (post_id, day) DO UPDATE SET views = post_daily_views.views + excluded.views;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION post_views_group_viewers() RETURNS trigger LANGUAGE plpgsql AS $$
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
`).execute(db);
}
