import { sql, type Kysely } from 'kysely';

// Plain SQL that runs on PostgreSQL 15 and on PGlite alike.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE municipalities (
  teryt_code   char(7) PRIMARY KEY,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('urban', 'rural', 'mixed')),
  county       text NOT NULL,
  voivodeship  text NOT NULL,
  name_folded  text NOT NULL
);
CREATE INDEX municipalities_name_folded_idx ON municipalities USING gin (name_folded gin_trgm_ops);

CREATE TABLE users (
  id                 bigserial PRIMARY KEY,
  email              text NOT NULL,
  password_hash      text NOT NULL,
  display_name       text NOT NULL,
  email_verified_at  timestamptz,
  is_operator        boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL,
  deleted_at         timestamptz
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email)) WHERE deleted_at IS NULL;

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE user_tokens (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id);

CREATE TABLE api_tokens (
  id            bigserial PRIMARY KEY,
  token_hash    text NOT NULL UNIQUE,
  user_id       bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  name          text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

CREATE TABLE login_attempts (
  id         bigserial PRIMARY KEY,
  email      text NOT NULL,
  ip         text NOT NULL,
  succeeded  boolean NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

CREATE TABLE groups (
  id                          bigserial PRIMARY KEY,
  slug                        text NOT NULL UNIQUE,
  municipality_code           char(7) NOT NULL REFERENCES municipalities,
  name                        text NOT NULL,
  description                 text NOT NULL DEFAULT '',
  rules                       text NOT NULL DEFAULT '',
  is_public                   boolean NOT NULL DEFAULT true,
  membership_question         text NOT NULL,
  member_posts_need_approval  boolean NOT NULL DEFAULT true,
  member_count                integer NOT NULL DEFAULT 0,
  created_at                  timestamptz NOT NULL
);
CREATE INDEX groups_municipality_idx ON groups (municipality_code);

CREATE TABLE memberships (
  group_id      bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  user_id       bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  status        text NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
  role          text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator')),
  answer        text NOT NULL DEFAULT '',
  requested_at  timestamptz NOT NULL,
  decided_at    timestamptz,
  decided_by    bigint REFERENCES users,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX memberships_pending_idx ON memberships (group_id, requested_at) WHERE status = 'pending';
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE units (
  id                 bigserial PRIMARY KEY,
  municipality_code  char(7) NOT NULL REFERENCES municipalities,
  slug               text NOT NULL,
  name               text NOT NULL,
  type               text NOT NULL,
  description        text NOT NULL DEFAULT '',
  verified           boolean NOT NULL DEFAULT true,
  can_publish        boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL,
  UNIQUE (municipality_code, slug)
);

CREATE TABLE unit_members (
  unit_id  bigint NOT NULL REFERENCES units ON DELETE CASCADE,
  user_id  bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  role     text NOT NULL CHECK (role IN ('editor', 'unitAdmin')),
  PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX unit_members_user_idx ON unit_members (user_id);

CREATE TABLE coordinators (
  municipality_code  char(7) NOT NULL REFERENCES municipalities,
  user_id            bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  PRIMARY KEY (municipality_code, user_id)
);
CREATE INDEX coordinators_user_idx ON coordinators (user_id);

CREATE TABLE posts (
  id                 bigserial PRIMARY KEY,
  group_id           bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  author_id          bigint NOT NULL REFERENCES users,
  unit_id            bigint REFERENCES units,
  category           text NOT NULL,
  body               text NOT NULL,
  body_folded        text NOT NULL,
  status             text NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'removed')),
  moderation_reason  text,
  pinned             boolean NOT NULL DEFAULT false,
  urgent_until       timestamptz,
  event_start        timestamptz,
  event_end          timestamptz,
  event_place        text,
  comment_count      integer NOT NULL DEFAULT 0,
  reaction_count     integer NOT NULL DEFAULT 0,
  reaction_counts    jsonb NOT NULL DEFAULT '{}',
  view_count         integer NOT NULL DEFAULT 0,
  share_count        integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  published_at       timestamptz,
  decided_at         timestamptz,
  decided_by         bigint REFERENCES users
);
CREATE INDEX posts_feed_idx ON posts (group_id, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX posts_feed_category_idx ON posts (group_id, category, published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX posts_featured_idx ON posts (group_id) WHERE status = 'published' AND (pinned OR urgent_until IS NOT NULL);
CREATE INDEX posts_pending_idx ON posts (group_id, created_at) WHERE status = 'pending';
CREATE INDEX posts_author_idx ON posts (author_id, created_at DESC);
CREATE INDEX posts_unit_idx ON posts (unit_id, published_at DESC) WHERE unit_id IS NOT NULL;
CREATE INDEX posts_search_idx ON posts USING gin (body_folded gin_trgm_ops);

CREATE TABLE post_images (
  id         bigserial PRIMARY KEY,
  post_id    bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  position   smallint NOT NULL,
  file_name  text NOT NULL,
  width      integer NOT NULL,
  height     integer NOT NULL,
  alt        text NOT NULL
);
CREATE INDEX post_images_post_idx ON post_images (post_id, position);

CREATE TABLE comments (
  id               bigserial PRIMARY KEY,
  post_id          bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  parent_id        bigint REFERENCES comments ON DELETE CASCADE,
  author_id        bigint NOT NULL REFERENCES users,
  body             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('published', 'pending', 'rejected', 'removed')),
  reaction_count   integer NOT NULL DEFAULT 0,
  reaction_counts  jsonb NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL
);
CREATE INDEX comments_post_idx ON comments (post_id, created_at, id);
CREATE INDEX comments_author_idx ON comments (author_id);

CREATE TABLE post_reactions (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('like', 'love', 'haha', 'wow', 'sad', 'angry')),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (post_id, user_id)
);
CREATE INDEX post_reactions_user_idx ON post_reactions (user_id);

CREATE TABLE comment_reactions (
  comment_id  bigint NOT NULL REFERENCES comments ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('like', 'love', 'haha', 'wow', 'sad', 'angry')),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_reactions_user_idx ON comment_reactions (user_id);

CREATE TABLE post_views (
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  day         date NOT NULL,
  viewer_key  text NOT NULL,
  PRIMARY KEY (post_id, day, viewer_key)
);

CREATE TABLE post_shares (
  id          bigserial PRIMARY KEY,
  post_id     bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
  user_id     bigint REFERENCES users ON DELETE SET NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX post_shares_post_idx ON post_shares (post_id);

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  kind        text NOT NULL,
  group_id    bigint REFERENCES groups ON DELETE CASCADE,
  post_id     bigint REFERENCES posts ON DELETE CASCADE,
  comment_id  bigint REFERENCES comments ON DELETE CASCADE,
  actor_name  text,
  detail      text,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);

CREATE TABLE outbox (
  id          bigserial PRIMARY KEY,
  channel     text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  recipient   text NOT NULL,
  subject     text NOT NULL DEFAULT '',
  body_text   text NOT NULL,
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
  attempts    integer NOT NULL DEFAULT 0,
  last_error  text,
  created_at  timestamptz NOT NULL,
  sent_at     timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE status = 'pending';
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE outbox, notifications, post_shares, post_views, comment_reactions, post_reactions, comments,
  post_images, posts, coordinators, unit_members, units, memberships, groups, login_attempts, api_tokens,
  user_tokens, sessions, users, municipalities CASCADE;
`).execute(db);
}
