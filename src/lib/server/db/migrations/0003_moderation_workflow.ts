import { sql, type Kysely } from 'kysely';

// The moderators' workflow: per-group word lists, the moderation log (audit log and DSA Art. 17
// statements of reasons), members' reports (Art. 16), appeals (Art. 20) and sanctions.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE groups
  ADD COLUMN new_member_days integer NOT NULL DEFAULT 0 CHECK (new_member_days BETWEEN 0 AND 365),
  ADD COLUMN report_hide_threshold integer NOT NULL DEFAULT 3 CHECK (report_hide_threshold BETWEEN 1 AND 100);

ALTER TABLE posts DROP CONSTRAINT posts_status_check;
ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN ('published', 'pending', 'changes_requested', 'rejected', 'removed'));
ALTER TABLE posts ADD COLUMN findings jsonb NOT NULL DEFAULT '[]', ADD COLUMN flagged boolean NOT NULL DEFAULT false, ADD COLUMN edited_at timestamptz;
CREATE INDEX posts_flagged_idx ON posts (group_id, created_at) WHERE flagged;

ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('published', 'pending', 'hidden', 'rejected', 'removed'));
ALTER TABLE comments ADD COLUMN findings jsonb NOT NULL DEFAULT '[]', ADD COLUMN flagged boolean NOT NULL DEFAULT false;
CREATE INDEX comments_review_idx ON comments (created_at) WHERE status IN ('pending', 'hidden') OR flagged;

ALTER TABLE notifications ADD COLUMN link text;

CREATE TABLE moderation_words (
  id          bigserial PRIMARY KEY,
  group_id    bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  pattern     text NOT NULL,
  is_regex    boolean NOT NULL DEFAULT false,
  action      text NOT NULL CHECK (action IN ('block', 'hold', 'flag', 'allow')),
  created_by  bigint REFERENCES users ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (group_id, pattern, is_regex)
);

CREATE TABLE reports (
  id              bigserial PRIMARY KEY,
  group_id        bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  post_id         bigint REFERENCES posts ON DELETE CASCADE,
  comment_id      bigint REFERENCES comments ON DELETE CASCADE,
  reporter_id     bigint REFERENCES users ON DELETE SET NULL,
  reporter_name   text NOT NULL,
  reporter_email  text NOT NULL,
  ground          text NOT NULL,
  explanation     text NOT NULL,
  good_faith      boolean NOT NULL,
  from_publisher  boolean NOT NULL DEFAULT false,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'actioned', 'dismissed')),
  created_at      timestamptz NOT NULL,
  decided_at      timestamptz,
  decided_by      bigint REFERENCES users ON DELETE SET NULL,
  CHECK ((post_id IS NULL) <> (comment_id IS NULL)),
  UNIQUE (post_id, reporter_id),
  UNIQUE (comment_id, reporter_id)
);
CREATE INDEX reports_open_idx ON reports (group_id, from_publisher DESC, created_at) WHERE status = 'open';

CREATE TABLE moderation_log (
  id                   bigserial PRIMARY KEY,
  group_id             bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  actor_id             bigint REFERENCES users ON DELETE SET NULL,
  action               text NOT NULL,
  post_id              bigint REFERENCES posts ON DELETE SET NULL,
  comment_id           bigint REFERENCES comments ON DELETE SET NULL,
  subject_id           bigint REFERENCES users ON DELETE SET NULL,
  report_id            bigint REFERENCES reports ON DELETE SET NULL,
  ground               text,
  facts                text NOT NULL DEFAULT '',
  automated_detection  boolean NOT NULL DEFAULT false,
  automated_decision   boolean NOT NULL DEFAULT false,
  restriction          boolean NOT NULL DEFAULT false,
  reverses_id          bigint REFERENCES moderation_log ON DELETE SET NULL,
  content_created_at   timestamptz,
  created_at           timestamptz NOT NULL
);
CREATE INDEX moderation_log_group_idx ON moderation_log (group_id, created_at DESC);
CREATE INDEX moderation_log_subject_idx ON moderation_log (subject_id, created_at DESC);
CREATE INDEX moderation_log_created_idx ON moderation_log (created_at);

CREATE TABLE appeals (
  id            bigserial PRIMARY KEY,
  decision_id   bigint NOT NULL UNIQUE REFERENCES moderation_log ON DELETE CASCADE,
  appellant_id  bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  body          text NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'reversed')),
  outcome       text,
  created_at    timestamptz NOT NULL,
  decided_at    timestamptz,
  decided_by    bigint REFERENCES users ON DELETE SET NULL
);
CREATE INDEX appeals_open_idx ON appeals (created_at) WHERE status = 'open';

CREATE TABLE sanctions (
  id           bigserial PRIMARY KEY,
  group_id     bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
  user_id      bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('warn', 'mute', 'suspend', 'ban')),
  reason       text NOT NULL,
  ground       text NOT NULL,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  decision_id  bigint REFERENCES moderation_log ON DELETE SET NULL,
  lifted_at    timestamptz,
  created_by   bigint REFERENCES users ON DELETE SET NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX sanctions_user_idx ON sanctions (group_id, user_id, ends_at);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE sanctions, appeals, moderation_log, reports, moderation_words;
ALTER TABLE notifications DROP COLUMN link;
DROP INDEX comments_review_idx;
ALTER TABLE comments DROP COLUMN findings, DROP COLUMN flagged;
ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('published', 'pending', 'rejected', 'removed'));
DROP INDEX posts_flagged_idx;
ALTER TABLE posts DROP COLUMN findings, DROP COLUMN flagged, DROP COLUMN edited_at;
ALTER TABLE posts DROP CONSTRAINT posts_status_check;
ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN ('published', 'pending', 'rejected', 'removed'));
ALTER TABLE groups DROP COLUMN new_member_days, DROP COLUMN report_hide_threshold;
`).execute(db);
}
