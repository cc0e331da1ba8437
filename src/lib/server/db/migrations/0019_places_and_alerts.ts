import { sql, type Kysely } from 'kysely';

// Places of a group (sołectwa or city districts and their localities), the places a member
// follows, a post names and a unit speaks for; alerts aimed at places, their recipients (so an
// update and the all-clear reach the same people), delivery tracked per alert, consent to alerts
// recorded with its date, and IMGW-PIB warnings imported per group.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE places (
  id          bigserial PRIMARY KEY,
  group_id    bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('solectwo', 'osiedle', 'locality')),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  area_id     bigint REFERENCES places ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  CHECK (kind = 'locality' OR area_id IS NULL)
);
CREATE UNIQUE INDEX places_name_idx ON places (group_id, (kind = 'locality'), lower(name));
CREATE INDEX places_area_idx ON places (area_id);

CREATE TABLE member_places (
  group_id  bigint NOT NULL,
  user_id   bigint NOT NULL,
  place_id  bigint NOT NULL REFERENCES places ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id, place_id),
  FOREIGN KEY (group_id, user_id) REFERENCES memberships ON DELETE CASCADE
);
CREATE INDEX member_places_place_idx ON member_places (place_id);

CREATE TABLE post_places (
  post_id   bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  place_id  bigint NOT NULL REFERENCES places ON DELETE CASCADE,
  PRIMARY KEY (post_id, place_id)
);
CREATE INDEX post_places_place_idx ON post_places (place_id, post_id);

ALTER TABLE units ADD COLUMN place_id bigint REFERENCES places ON DELETE SET NULL;

ALTER TABLE memberships ADD COLUMN alerts_asked_at timestamptz;
ALTER TABLE alert_subscriptions ADD COLUMN consent_source text NOT NULL DEFAULT 'settings'
  CHECK (consent_source IN ('join', 'prompt', 'settings'));

ALTER TABLE posts
  ADD COLUMN alert_title     text,
  ADD COLUMN alert_channels  text[];

CREATE TABLE alert_recipients (
  post_id   bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  user_id   bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  by_email  boolean NOT NULL,
  by_push   boolean NOT NULL,
  by_sms    boolean NOT NULL,
  PRIMARY KEY (post_id, user_id)
);

CREATE TABLE alert_updates (
  id          bigserial PRIMARY KEY,
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  body        text NOT NULL,
  created_by  bigint REFERENCES users,
  created_at  timestamptz NOT NULL
);
CREATE INDEX alert_updates_post_idx ON alert_updates (post_id, created_at);

ALTER TABLE outbox ADD COLUMN alert_post_id bigint REFERENCES posts ON DELETE SET NULL;
CREATE INDEX outbox_alert_idx ON outbox (alert_post_id, channel, status) WHERE alert_post_id IS NOT NULL;

ALTER TABLE customers ADD COLUMN sms_price_grosze integer NOT NULL DEFAULT 16 CHECK (sms_price_grosze >= 0);

ALTER TABLE groups
  ADD COLUMN imgw_mode       text NOT NULL DEFAULT 'approve' CHECK (imgw_mode IN ('auto', 'approve', 'off')),
  ADD COLUMN imgw_min_level  smallint NOT NULL DEFAULT 2 CHECK (imgw_min_level BETWEEN 1 AND 3);

CREATE TABLE imgw_alerts (
  group_id     bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  warning_id   text NOT NULL,
  revision     text NOT NULL,
  warning      jsonb NOT NULL,
  state        text NOT NULL CHECK (state IN ('held', 'published', 'dismissed', 'withdrawn', 'expired')),
  post_id      bigint REFERENCES posts ON DELETE SET NULL,
  seen_at      timestamptz NOT NULL,
  decided_at   timestamptz,
  decided_by   bigint REFERENCES users,
  PRIMARY KEY (group_id, warning_id)
);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE imgw_alerts, alert_updates, alert_recipients, post_places, member_places;
ALTER TABLE groups DROP COLUMN imgw_mode, DROP COLUMN imgw_min_level;
ALTER TABLE customers DROP COLUMN sms_price_grosze;
ALTER TABLE outbox DROP COLUMN alert_post_id;
ALTER TABLE posts DROP COLUMN alert_title, DROP COLUMN alert_channels;
ALTER TABLE alert_subscriptions DROP COLUMN consent_source;
ALTER TABLE memberships DROP COLUMN alerts_asked_at;
ALTER TABLE units DROP COLUMN place_id;
DROP TABLE places;
`).execute(db);
}
