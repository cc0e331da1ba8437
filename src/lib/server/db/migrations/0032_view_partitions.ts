import { sql, type Kysely } from 'kysely';

// Issue 18: raw views kept 35 days, aggregates kept for ever.
// - post_views: partitioned by Warsaw day (stats/view-partitions.ts makes daily partitions a week
//   ahead and drops them after 35 days); the default partition takes any day without one, so an
//   insert never fails. The rows so far go into the default; the maintenance moves them out.
// - post_daily_views: views per post and Warsaw day, and the viewers whose first view of the post
//   fell that day (post_viewers.first_day), kept by statement triggers on post_views and
//   post_viewers, so every writer (the recorder, the demo seed, the bench, tests) keeps it exact.
// - promoted_post_views: raw views of promoted posts, moved there when their day is dropped (the
//   reach report splits viewers by group and by days, which needs them).
// - view_retention: the first day whose raw views are still complete (null: all are).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE post_views RENAME TO post_views_unpartitioned;
ALTER INDEX post_views_pkey RENAME TO post_views_unpartitioned_pkey;
DROP INDEX post_views_day_idx;
CREATE TABLE post_views (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  day         date NOT NULL,
  viewer_key  text NOT NULL,
  PRIMARY KEY (post_id, day, viewer_key)
) PARTITION BY RANGE (day);
CREATE TABLE post_views_default PARTITION OF post_views DEFAULT;
-- A signed-in person's views, for their data export and erasure (anonymous keys are daily hashes).
CREATE INDEX post_views_user_idx ON post_views (viewer_key) WHERE viewer_key LIKE 'user:%';
INSERT INTO post_views (post_id, day, viewer_key) SELECT post_id, day, viewer_key FROM post_views_unpartitioned;
DROP TABLE post_views_unpartitioned;

CREATE TABLE post_daily_views (
  post_id      bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  day          date NOT NULL,
  views        integer NOT NULL DEFAULT 0,
  new_viewers  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (post_id, day)
);
INSERT INTO post_daily_views (post_id, day, views) SELECT post_id, day, count(*) FROM post_views GROUP BY 1, 2;
CREATE FUNCTION post_views_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO post_daily_views (post_id, day, views)
  SELECT post_id, day, count(*) FROM new_views GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (post_id, day) DO UPDATE SET views = post_daily_views.views + excluded.views;
  RETURN NULL;
END $$;
CREATE TRIGGER post_views_counted AFTER INSERT ON post_views REFERENCING NEW TABLE AS new_views
  FOR EACH STATEMENT EXECUTE FUNCTION post_views_counted();

ALTER TABLE post_viewers ADD COLUMN first_day date;
UPDATE post_viewers pv SET first_day = f.day
FROM (SELECT post_id, viewer_key, min(day) AS day FROM post_views GROUP BY 1, 2) f
WHERE f.post_id = pv.post_id AND f.viewer_key = pv.viewer_key;
INSERT INTO post_daily_views (post_id, day, new_viewers)
SELECT post_id, first_day, count(*) FROM post_viewers WHERE first_day IS NOT NULL GROUP BY 1, 2
ON CONFLICT (post_id, day) DO UPDATE SET new_viewers = excluded.new_viewers;
CREATE FUNCTION post_viewers_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO post_daily_views (post_id, day, new_viewers)
  SELECT post_id, first_day, count(*) FROM new_viewers WHERE first_day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (post_id, day) DO UPDATE SET new_viewers = post_daily_views.new_viewers + excluded.new_viewers;
  RETURN NULL;
END $$;
CREATE TRIGGER post_viewers_counted AFTER INSERT ON post_viewers REFERENCING NEW TABLE AS new_viewers
  FOR EACH STATEMENT EXECUTE FUNCTION post_viewers_counted();

CREATE TABLE promoted_post_views (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  day         date NOT NULL,
  viewer_key  text NOT NULL,
  PRIMARY KEY (post_id, day, viewer_key)
);
CREATE INDEX promoted_post_views_user_idx ON promoted_post_views (viewer_key) WHERE viewer_key LIKE 'user:%';

CREATE TABLE view_retention (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  kept_from  date
);
INSERT INTO view_retention (kept_from) VALUES (NULL);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE view_retention;
INSERT INTO post_views (post_id, day, viewer_key) SELECT post_id, day, viewer_key FROM promoted_post_views ON CONFLICT DO NOTHING;
DROP TABLE promoted_post_views;
DROP TRIGGER post_viewers_counted ON post_viewers;
DROP FUNCTION post_viewers_counted();
ALTER TABLE post_viewers DROP COLUMN first_day;
DROP TRIGGER post_views_counted ON post_views;
DROP FUNCTION post_views_counted();
DROP TABLE post_daily_views;
ALTER TABLE post_views RENAME TO post_views_partitioned;
ALTER INDEX post_views_pkey RENAME TO post_views_partitioned_pkey;
CREATE TABLE post_views (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  day         date NOT NULL,
  viewer_key  text NOT NULL,
  PRIMARY KEY (post_id, day, viewer_key)
);
INSERT INTO post_views SELECT post_id, day, viewer_key FROM post_views_partitioned;
DROP TABLE post_views_partitioned;
CREATE INDEX post_views_day_idx ON post_views (day);
`).execute(db);
}
