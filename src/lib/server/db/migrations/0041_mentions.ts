import { sql, type Kysely } from 'kysely';

// Issue 19: "@Imię Nazwisko" mentions of the group's members in posts and comments. The names
// mentioned, as written when the text was saved: the text shows them as links, and nobody's id
// goes out with a post.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE posts ADD COLUMN mentions jsonb NOT NULL DEFAULT '[]';
ALTER TABLE comments ADD COLUMN mentions jsonb NOT NULL DEFAULT '[]';
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE comments DROP COLUMN mentions;
ALTER TABLE posts DROP COLUMN mentions;
`).execute(db);
}
