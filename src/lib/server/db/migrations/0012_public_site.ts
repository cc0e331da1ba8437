import { sql, type Kysely } from 'kysely';

// The public website: the operator's editable pages, the population of municipalities (for the
// "Potencjał" page), unique viewers per post kept as a counter, the unique viewers of a group per
// Warsaw month (they cannot be summed from days) and the monthly units' report sent once.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE site_pages (
  slug        text PRIMARY KEY,
  title       text NOT NULL,
  body        text NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  bigint REFERENCES users ON DELETE SET NULL
);

ALTER TABLE municipalities ADD COLUMN population integer CHECK (population > 0), ADD COLUMN population_year smallint;

CREATE TABLE post_viewers (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  viewer_key  text NOT NULL,
  PRIMARY KEY (post_id, viewer_key)
);
INSERT INTO post_viewers (post_id, viewer_key) SELECT DISTINCT post_id, viewer_key FROM post_views;
ALTER TABLE posts ADD COLUMN unique_viewer_count integer NOT NULL DEFAULT 0;
UPDATE posts p SET unique_viewer_count = v.n FROM (SELECT post_id, count(*) AS n FROM post_viewers GROUP BY post_id) v WHERE v.post_id = p.id;
CREATE INDEX post_views_day_idx ON post_views (day);
CREATE INDEX posts_published_idx ON posts (published_at) WHERE status = 'published';

CREATE TABLE group_monthly_stats (
  group_id        bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  month           date NOT NULL,
  unique_viewers  integer NOT NULL,
  PRIMARY KEY (group_id, month)
);

CREATE TABLE unit_reports_sent (
  group_id  bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  month     date NOT NULL,
  sent_at   timestamptz NOT NULL,
  PRIMARY KEY (group_id, month)
);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE unit_reports_sent, group_monthly_stats, post_viewers, site_pages;
DROP INDEX post_views_day_idx; DROP INDEX posts_published_idx;
ALTER TABLE posts DROP COLUMN unique_viewer_count;
ALTER TABLE municipalities DROP COLUMN population, DROP COLUMN population_year;`).execute(db);
}
