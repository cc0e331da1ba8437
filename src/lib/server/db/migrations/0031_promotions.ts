import { sql, type Kysely } from 'kysely';

// Issue 17: promoted posts (Pakiet 2) and cross-posting to neighbouring groups (Pakiet 3).
// - prices.promotions_per_month: the monthly quota of promotions the package gives (per price row).
// - customers.promotion_sms_cap: SMS messages a month the municipality allows for promoted posts.
// - promotions: a post promoted for 1–7 days, with what its fan-out delivered (reach report).
// - outbox.promotion_id: a promotion's push, SMS and digest messages, to follow their delivery.
// - promotion_seen: a reader scrolled past or dismissed the promoted post (it leaves the top).
// - groups.cross_post_targets: the groups a promoted post also appears in (NULL: same powiat).
// - cross_post_refusals: a target group's moderators refused a source group.
// - cross_posts: a promoted post shown in another group; cross_post_views count its views there.
// - post_reactions.via_group_id, comments.via_group_id: the group a reaction or a comment came
//   from when it is not the post's own (comments stay in the source thread).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE prices ADD COLUMN promotions_per_month integer NOT NULL DEFAULT 8 CHECK (promotions_per_month >= 0);
ALTER TABLE customers ADD COLUMN promotion_sms_cap integer NOT NULL DEFAULT 0 CHECK (promotion_sms_cap >= 0);
CREATE TABLE promotions (
  id            bigserial PRIMARY KEY,
  post_id       bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  group_id      bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  unit_id       bigint REFERENCES units ON DELETE SET NULL,
  promoted_by   bigint REFERENCES users ON DELETE SET NULL,
  sponsor_name  text NOT NULL,
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at),
  cancelled_at  timestamptz,
  created_at    timestamptz NOT NULL,
  by_sms        boolean NOT NULL DEFAULT false,
  notified      integer NOT NULL DEFAULT 0,
  pushed        integer NOT NULL DEFAULT 0,
  texted        integer NOT NULL DEFAULT 0,
  emailed       integer NOT NULL DEFAULT 0
);
CREATE INDEX promotions_group_time ON promotions (group_id, ends_at);
CREATE INDEX promotions_post ON promotions (post_id);
ALTER TABLE outbox ADD COLUMN promotion_id bigint REFERENCES promotions ON DELETE SET NULL;
CREATE INDEX outbox_promotion ON outbox (promotion_id) WHERE promotion_id IS NOT NULL;
CREATE TABLE promotion_seen (
  promotion_id  bigint NOT NULL REFERENCES promotions ON DELETE CASCADE,
  user_id       bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  dismissed     boolean NOT NULL DEFAULT false,
  seen_at       timestamptz NOT NULL,
  PRIMARY KEY (promotion_id, user_id)
);
ALTER TABLE groups ADD COLUMN cross_post_targets bigint[];
CREATE TABLE cross_post_refusals (
  group_id         bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  source_group_id  bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  refused_by       bigint REFERENCES users ON DELETE SET NULL,
  refused_at       timestamptz NOT NULL,
  PRIMARY KEY (group_id, source_group_id)
);
CREATE TABLE cross_posts (
  post_id       bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  group_id      bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  promotion_id  bigint NOT NULL REFERENCES promotions ON DELETE CASCADE,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (post_id, group_id)
);
CREATE INDEX cross_posts_group ON cross_posts (group_id, created_at DESC);
CREATE TABLE cross_post_views (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  group_id    bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  viewer_key  text NOT NULL,
  day         date NOT NULL,
  PRIMARY KEY (post_id, group_id, viewer_key, day)
);
ALTER TABLE post_reactions ADD COLUMN via_group_id bigint REFERENCES groups ON DELETE SET NULL;
ALTER TABLE comments ADD COLUMN via_group_id bigint REFERENCES groups ON DELETE SET NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE comments DROP COLUMN via_group_id;
ALTER TABLE post_reactions DROP COLUMN via_group_id;
DROP TABLE cross_post_views;
DROP TABLE cross_posts;
DROP TABLE cross_post_refusals;
ALTER TABLE groups DROP COLUMN cross_post_targets;
DROP TABLE promotion_seen;
ALTER TABLE outbox DROP COLUMN promotion_id;
DROP TABLE promotions;
ALTER TABLE customers DROP COLUMN promotion_sms_cap;
ALTER TABLE prices DROP COLUMN promotions_per_month;
`).execute(db);
}
