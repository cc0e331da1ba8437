import type { Db } from '../db/database';
import { foldText } from '../text/fold';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Private messages of the demo residents: Marek asked Anna (both demo accounts) about the bike she
 * sells and her last answer waits unread; another member asked Marek about the keys he found.
 */
export async function seedDemoConversations(
	tx: Db,
	now: Date,
	groupId: string,
	marek: string,
	seller: string,
	finder: string
) {
	const post = async (author: string, category: 'classifieds' | 'lostFound', body: string, hoursAgo: number) =>
		(
			await tx
				.insertInto('posts')
				.values({
					group_id: groupId,
					author_id: author,
					category,
					body,
					body_folded: foldText(body),
					status: 'published',
					reaction_counts: '{}',
					created_at: new Date(now.getTime() - hoursAgo * HOUR),
					published_at: new Date(now.getTime() - hoursAgo * HOUR),
					view_count: 180
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const talks = [
		{
			other: seller,
			post: await post(seller, 'classifieds', 'Sprzedam rower damski, koła 26", stan dobry. Odbiór w Wiskitkach.', 30),
			messages: [
				{
					from: marek,
					text: 'Dzień dobry, rower jest jeszcze aktualny? Mogę obejrzeć jutro po 17?',
					minutesAgo: 26 * 60
				},
				{ from: seller, text: 'Dzień dobry, tak, aktualny. Jutro po 17 pasuje.', minutesAgo: 25 * 60 },
				{ from: marek, text: 'Super, będę ok. 17:30. Jaki adres?', minutesAgo: 24 * 60 },
				{ from: seller, text: 'Ulica Szkolna 12, dzwonek przy furtce. Do zobaczenia!', minutesAgo: 40 }
			],
			readUpTo: 2
		},
		{
			other: finder,
			post: await post(marek, 'lostFound', 'Znalazłem klucze z niebieskim brelokiem przy przystanku koło szkoły.', 50),
			messages: [
				{ from: finder, text: 'Dzień dobry, to chyba moje klucze! Brelok z napisem „Mazury”?', minutesAgo: 48 * 60 },
				{ from: marek, text: 'Tak, to te. Mogę je zostawić w sklepie przy rynku.', minutesAgo: 47 * 60 }
			],
			readUpTo: 1
		}
	];
	for (const t of talks) {
		const [low, high] = BigInt(marek) < BigInt(t.other) ? [marek, t.other] : [t.other, marek];
		const first = t.messages[0];
		const last = t.messages[t.messages.length - 1];
		const conversation = await tx
			.insertInto('conversations')
			.values({
				group_id: groupId,
				post_id: t.post,
				user_low: low,
				user_high: high,
				started_by: first.from,
				created_at: new Date(now.getTime() - first.minutesAgo * MINUTE),
				last_message_at: new Date(now.getTime() - last.minutesAgo * MINUTE),
				last_sender_id: last.from
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const ids: string[] = [];
		for (const m of t.messages)
			ids.push(
				(
					await tx
						.insertInto('private_messages')
						.values({
							conversation_id: conversation.id,
							sender_id: m.from,
							body: m.text,
							created_at: new Date(now.getTime() - m.minutesAgo * MINUTE),
							removed_at: null
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id
			);
		await tx
			.updateTable('conversations')
			.set({ last_message_id: ids.at(-1)! })
			.where('id', '=', conversation.id)
			.execute();
		// Marek has read up to `readUpTo`; the neighbour has read everything (e-mails were sent long ago).
		await tx
			.insertInto('conversation_members')
			.values([
				{
					conversation_id: conversation.id,
					user_id: marek,
					last_read_id: ids[t.readUpTo],
					emailed_id: ids.at(-1)!,
					emailed_at: now
				},
				{
					conversation_id: conversation.id,
					user_id: t.other,
					last_read_id: ids.at(-1)!,
					emailed_id: ids.at(-1)!,
					emailed_at: now
				}
			])
			.execute();
	}
}
