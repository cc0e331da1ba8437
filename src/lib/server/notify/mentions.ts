import type { Clock } from '../core/clock';
import type { Db } from '../db/database';
import { notify } from './notifications';

/** Words a name may have after "@": "Anna", "Anna Nowak", "Anna Maria Nowak-Kowalska". */
const MAX_WORDS = 4;
const word = /^[\p{L}][\p{L}\p{M}'’.-]*/u;

/**
 * The names a text may mention: for each "@" at the start of a word, the one to four words after
 * it. Which of them are members is the database's answer (`findMentions`).
 */
export function mentionCandidates(text: string): string[] {
	const found = new Set<string>();
	for (const at of text.matchAll(/(?<![\p{L}\p{N}@])@/gu)) {
		let rest = text.slice(at.index + 1, at.index + 1 + 200);
		const words: string[] = [];
		while (words.length < MAX_WORDS) {
			const m = word.exec(rest);
			if (!m) break;
			words.push(m[0].replace(/[.’']+$/, ''));
			found.add(words.join(' '));
			rest = rest.slice(m[0].length);
			if (!/^ [\p{L}]/u.test(rest)) break;
			rest = rest.slice(1);
		}
	}
	return [...found];
}

/**
 * The group's members a text mentions, each once, the author left out: at every "@", the longest
 * run of words that is a member's name exactly as shown (the autocomplete inserts it so).
 */
export async function findMentions(
	db: Db,
	groupId: string,
	text: string,
	authorId: string
): Promise<{ id: string; name: string }[]> {
	const candidates = mentionCandidates(text);
	if (!candidates.length) return [];
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.display_name as name'])
		.where('m.group_id', '=', groupId)
		.where('m.status', '=', 'approved')
		.where('u.deleted_at', 'is', null)
		.where('u.id', '!=', authorId)
		.where('u.display_name', 'in', candidates)
		.execute();
	// Of "@Anna" and "@Anna Nowak" both members, the text meant the longer where it is written.
	const names = new Set(rows.map((r) => r.name));
	const meant = new Set<string>();
	for (const at of text.matchAll(/(?<![\p{L}\p{N}@])@/gu)) {
		const after = text.slice(at.index + 1, at.index + 1 + 200);
		const longest = candidates
			.filter((c) => names.has(c) && after.startsWith(c) && !/^[\p{L}\p{N}]/u.test(after.slice(c.length)))
			.sort((a, b) => b.length - a.length)[0];
		if (longest) meant.add(longest);
	}
	const seen = new Set<string>();
	return rows.filter((r) => meant.has(r.name) && !seen.has(r.id) && seen.add(r.id));
}

/**
 * Tells those mentioned in published content, except who is in `skip` (told already, or muted the
 * post) and who blocked the author. Returns whom it told.
 */
export async function notifyMentioned(
	tx: Db,
	clock: Clock,
	mentioned: { id: string }[],
	n: { groupId: string; postId: string; commentId?: string; authorId: string; authorName: string; skip?: Set<string> }
): Promise<string[]> {
	const ids = mentioned.map((m) => m.id).filter((id) => !n.skip?.has(id));
	if (!ids.length) return [];
	const blocking = new Set(
		(
			await tx
				.selectFrom('user_blocks')
				.select('user_id')
				.where('blocked_id', '=', n.authorId)
				.where('user_id', 'in', ids)
				.execute()
		).map((b) => b.user_id)
	);
	const told = ids.filter((id) => !blocking.has(id));
	for (const userId of told)
		await notify(tx, clock, {
			userId,
			kind: 'mention',
			groupId: n.groupId,
			postId: n.postId,
			commentId: n.commentId,
			actorName: n.authorName
		});
	return told;
}

/**
 * Held content a moderator just published: who it mentions (the names stored with it, still
 * members) hear of it now, as they would have at once.
 */
export async function mentionsPublished(
	tx: Db,
	clock: Clock,
	c: { groupId: string; postId: string; commentId?: string; authorId: string; mentions: string[] }
): Promise<void> {
	if (!c.mentions.length) return;
	const author = await tx
		.selectFrom('users')
		.select('display_name')
		.where('id', '=', c.authorId)
		.executeTakeFirstOrThrow();
	const mentioned = await findMentions(tx, c.groupId, c.mentions.map((name) => `@${name}`).join(' '), c.authorId);
	await notifyMentioned(tx, clock, mentioned, { ...c, authorName: author.display_name });
}
