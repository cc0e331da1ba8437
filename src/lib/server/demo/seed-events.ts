import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * The demo's answers to events: about one member in nine will come to each event and one in
 * eleven is interested (chosen by a hash, so every seed gives the same people), the organiser's
 * own staff left out.
 */
export async function seedEventResponses(db: Db, now: Date): Promise<void> {
	await sql`INSERT INTO event_responses (post_id, user_id, response, created_at)
		SELECT p.id, m.user_id,
			CASE WHEN abs(hashtext(p.id::text || ':' || m.user_id::text)) % 9 = 0 THEN 'going' ELSE 'interested' END,
			least(${now}, p.published_at + interval '1 day')
		FROM posts p
		JOIN memberships m ON m.group_id = p.group_id AND m.status = 'approved' AND m.user_id <> p.author_id
		WHERE p.event_start IS NOT NULL AND p.status = 'published'
			AND (abs(hashtext(p.id::text || ':' || m.user_id::text)) % 9 = 0
				OR abs(hashtext(m.user_id::text || ':' || p.id::text)) % 11 = 0)
		ON CONFLICT DO NOTHING`.execute(db);
}
