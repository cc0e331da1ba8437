import { sql, type Kysely } from 'kysely';

// What a sanction was imposed for: the post or comment a moderator acted on from the queue. Its
// statement of reasons then says, from that content's history, whether the engine detected it,
// a person reported it, or the moderator acted on their own (DSA Art. 17(3)(b), (c)).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
ALTER TABLE sanctions
  ADD COLUMN post_id bigint REFERENCES posts ON DELETE SET NULL,
  ADD COLUMN comment_id bigint REFERENCES comments ON DELETE SET NULL;
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`ALTER TABLE sanctions DROP COLUMN post_id, DROP COLUMN comment_id;`).execute(db);
}
