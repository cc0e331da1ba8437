import { sql, type Kysely } from 'kysely';

// When a post's text last changed in any state (a held post corrected, a draft edited), apart from
// `edited_at`, which now marks only a change of a text readers saw ("edytowano"). The statement of
// reasons reads the former to tell whether the engine held the text a moderator decided on.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE posts ADD COLUMN text_changed_at timestamptz;
UPDATE posts SET text_changed_at = edited_at WHERE edited_at IS NOT NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`ALTER TABLE posts DROP COLUMN text_changed_at;`).execute(db);
}
