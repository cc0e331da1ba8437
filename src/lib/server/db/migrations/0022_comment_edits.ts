import { sql, type Kysely } from 'kysely';

// Residents edit their own comments (the earlier text kept in the history, the comment marked
// "edytowano") and delete them (status 'deleted': gone from the thread and the count, like a
// deleted post; a deleted comment with answers keeps its place as "Komentarz usunięty przez autora").
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE comments ADD COLUMN edited_at timestamptz;
ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('published', 'pending', 'hidden', 'rejected', 'removed', 'deleted'));

CREATE TABLE comment_revisions (
  id          bigserial PRIMARY KEY,
  comment_id  bigint NOT NULL REFERENCES comments ON DELETE CASCADE,
  body        text NOT NULL,
  edited_by   bigint REFERENCES users ON DELETE SET NULL,
  edited_at   timestamptz NOT NULL
);
CREATE INDEX comment_revisions_comment_idx ON comment_revisions (comment_id, id);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TABLE comment_revisions;
UPDATE comments SET status = 'removed' WHERE status = 'deleted';
ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('published', 'pending', 'hidden', 'rejected', 'removed'));
ALTER TABLE comments DROP COLUMN edited_at;
`).execute(db);
}
