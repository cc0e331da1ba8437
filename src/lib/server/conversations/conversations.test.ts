import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, LiveEvent } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import {
	loadDemoMunicipalities,
	makeUser,
	openTestDatabase,
	refusal,
	testCtx,
	TEST_PASSWORD
} from '../testing/fixtures';
import { createPost } from '../feed/create-post';
import { addComment } from '../feed/comments';
import { imposeSanction } from '../moderation/sanctions';
import { deleteAccount } from '../privacy/delete-account';
import { rolesOf } from '../access/roles';
import { listNotifications } from '../notify/notifications';
import {
	blockInConversation,
	conversationView,
	listConversations,
	markConversationRead,
	newConversationTarget,
	NEW_MEMBER_CONVERSATIONS_A_DAY,
	sendMessage,
	setMessageEmails,
	startConversation
} from './conversations';
import { decideMessageReport, openMessageReports, reportedConversation, reportMessage } from './reports';
import { emailUnreadMessages, MESSAGE_EMAIL_DELAY_MS } from './emails';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let group: Group;
let other: Group;
let operator: Actor, anna: Actor, jan: Actor, ewa: Actor, moderator: Actor, outsider: Actor, newcomer: Actor;
let annaPost: string, officePost: string, otherGroupPost: string;
let n = 0;

async function member(email: string, g: Group, name?: string): Promise<Actor> {
	const a = await makeUser(ctx, email, { name });
	await requestMembership(ctx, a, g, 'Mieszkam tu');
	await decideMembership(ctx, operator, g, a.id, true);
	return a;
}

const post = async (author: Actor, g: Group, body: string) =>
	(await createPost(ctx, author, g, { body, category: 'other' })).id;

const outbox = (to: string) =>
	ctx.db.selectFrom('outbox').select(['subject', 'body_text']).where('recipient', '=', to).orderBy('id').execute();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-11-26T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@t.pl', { operator: true });
	for (const [slug, code] of [
		['wiskitki', '1438053'],
		['inna', '1438042']
	])
		await createGroup(ctx, operator, {
			slug,
			municipalityCode: code,
			name: slug === 'wiskitki' ? 'Wiskitki' : 'Inna gmina',
			membershipQuestion: 'Czy mieszkasz w gminie?',
			isPublic: true
		});
	await ctx.db.updateTable('groups').set({ member_posts_need_approval: false, new_member_days: 0 }).execute();
	group = await getGroup(ctx.db, 'wiskitki');
	other = await getGroup(ctx.db, 'inna');
	anna = await member('anna@t.pl', group, 'Anna Nowak');
	jan = await member('jan@t.pl', group, 'Jan Kowalski');
	ewa = await member('ewa@t.pl', group, 'Ewa Lis');
	moderator = await member('moderator@t.pl', group, 'Moderatorka');
	await ctx.db.updateTable('memberships').set({ role: 'moderator' }).where('user_id', '=', moderator.id).execute();
	outsider = await member('obcy@t.pl', other, 'Obcy');
	annaPost = await post(anna, group, 'Sprzedam rower, stan dobry. Guzów.');
	otherGroupPost = await post(outsider, other, 'Zginął pies, czarny kundel.');
	officePost = await post(anna, group, 'Ogłoszenie urzędu (w teście: post jednostki).');
	const unit = await ctx.db
		.insertInto('units')
		.values({
			municipality_code: '1438053',
			name: 'Urząd Gminy',
			slug: 'urzad',
			type: 'office',
			created_at: clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await ctx.db.updateTable('posts').set({ unit_id: unit.id }).where('id', '=', officePost).execute();
	// Two weeks later: the members above are no longer new.
	clock.advance(20 * 86_400_000);
	newcomer = await member('nowy@t.pl', group, 'Nowy Mieszkaniec');
}, 180_000);
afterAll(async () => database?.close());

describe('starting a conversation ("Napisz do autora")', () => {
	it('writes to the author of a post in the same group; both see it, the recipient as unread', async () => {
		const events: LiveEvent[] = [];
		const off = ctx.notifier.subscribe((e) => events.push(e));
		const target = await newConversationTarget(ctx, jan, { post: annaPost });
		expect(target).toMatchObject({ recipientName: 'Anna Nowak', existingId: null, cannotWrite: null });
		const sent = await startConversation(ctx, jan, { post: annaPost, body: 'Dzień dobry, rower aktualny?' });
		const [mine] = await listConversations(ctx, jan);
		expect(mine).toMatchObject({ id: sent.conversationId, other: { name: 'Anna Nowak' }, unread: 0 });
		expect(mine.last).toMatchObject({ excerpt: 'Dzień dobry, rower aktualny?', mine: true });
		const [hers] = await listConversations(ctx, anna);
		expect(hers).toMatchObject({ id: sent.conversationId, other: { name: 'Jan Kowalski' }, unread: 1 });
		expect((await rolesOf(ctx, anna)).unreadConversations).toBe(1);
		await expect
			.poll(() => events.find((e) => e.type === 'message'), { timeout: 10_000 })
			.toEqual({
				type: 'message',
				conversationId: sent.conversationId,
				messageId: sent.id,
				userIds: [jan.id, anna.id]
			});
		off();
		// The event carries ids only: the text never goes through the notification channel.
		expect(JSON.stringify(events)).not.toContain('rower');

		const view = await conversationView(ctx, anna, sent.conversationId);
		expect(view.messages.map((m) => [m.mine, m.body])).toEqual([[false, 'Dzień dobry, rower aktualny?']]);
		expect(view.unread).toBe(1);
		expect(view.post?.id).toBe(annaPost);
		await markConversationRead(ctx, anna, sent.conversationId);
		expect((await rolesOf(ctx, anna)).unreadConversations).toBe(0);
		await sendMessage(ctx, anna, sent.conversationId, { body: 'Tak, aktualny. Zapraszam po 17.' });
		expect((await listConversations(ctx, jan))[0].unread).toBe(1);
		// Writing again from another of Anna's posts continues the same conversation.
		const second = await post(anna, group, 'Oddam kanapę.');
		expect((await newConversationTarget(ctx, jan, { post: second })).existingId).toBe(sent.conversationId);
		const again = await startConversation(ctx, jan, { post: second, body: 'A kanapa?' });
		expect(again.conversationId).toBe(sent.conversationId);
		expect(await listConversations(ctx, jan)).toHaveLength(1);
	});

	it('writes to the author of a comment', async () => {
		const comment = await addComment(ctx, ewa, annaPost, { body: 'Też mam rower na sprzedaż.' });
		const sent = await startConversation(ctx, jan, { comment: comment.id, body: 'Jaki rower?' });
		expect((await listConversations(ctx, ewa)).find((c) => c.id === sent.conversationId)?.other.name).toBe(
			'Jan Kowalski'
		);
	});

	it('refuses bad input and what is not allowed, changing nothing', async () => {
		const before = await ctx.db
			.selectFrom('private_messages')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		const cases: [Actor | null, unknown, string][] = [
			[null, { post: annaPost, body: 'Hej' }, 'unauthenticated'],
			[jan, { post: annaPost, body: '   ' }, 'validation'],
			[jan, { post: annaPost, body: 'x'.repeat(4001) }, 'validation'],
			[jan, { body: 'Bez celu' }, 'validation'],
			[jan, { post: annaPost, comment: '1', body: 'Oba' }, 'validation'],
			[jan, { post: 'abc', body: 'Hej' }, 'validation'],
			[jan, { post: '999999', body: 'Hej' }, 'not_found'],
			// Own post, a unit's post, a member of another group, a post of a group one is not in.
			[anna, { post: annaPost, body: 'Do siebie' }, 'validation'],
			[jan, { post: officePost, body: 'Do urzędu' }, 'validation'],
			[outsider, { post: annaPost, body: 'Z innej gminy' }, 'forbidden'],
			[jan, { post: otherGroupPost, body: 'Do obcego' }, 'forbidden'],
			[operator, { post: annaPost, body: 'Operator pisze' }, 'forbidden']
		];
		for (const [actor, input, code] of cases)
			expect((await refusal(startConversation(ctx, actor, input))).code, JSON.stringify(input)).toBe(code);
		const after = await ctx.db
			.selectFrom('private_messages')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});

	it('lets a new member start at most 5 conversations a day; replies are not limited', async () => {
		const authors = [];
		for (let i = 0; i < NEW_MEMBER_CONVERSATIONS_A_DAY + 1; i++) {
			const a = await member(`sprzedawca${++n}@t.pl`, group);
			authors.push(await post(a, group, `Sprzedam rzecz numer ${i}.`));
		}
		for (const p of authors.slice(0, NEW_MEMBER_CONVERSATIONS_A_DAY))
			await startConversation(ctx, newcomer, { post: p, body: 'Czy to jeszcze aktualne?' });
		const refused = await refusal(startConversation(ctx, newcomer, { post: authors.at(-1)!, body: 'A to?' }));
		expect(refused.code).toBe('rate_limited');
		expect(refused.message).toContain('najwyżej 5 nowych rozmów');
		const [first] = await listConversations(ctx, newcomer);
		await sendMessage(ctx, newcomer, first.id, { body: 'Jeszcze jedno pytanie.' });
		// A day later the limit starts again; a moderator or an older member is never limited.
		clock.advance(86_400_000 + 1);
		await startConversation(ctx, newcomer, { post: authors.at(-1)!, body: 'A to?' });
		clock.advance(-(86_400_000 + 1));
	});
});

describe('safety', () => {
	it('screens links from someone the recipient has not answered, like a post; not once they talk', async () => {
		const seller = await member(`link${++n}@t.pl`, group, 'Sprzedawca');
		const p = await post(seller, group, 'Sprzedam telefon.');
		const scam = 'Proszę o dopłatę za przesyłkę: https://inpost-doplata.xyz/pay';
		const refused = await refusal(startConversation(ctx, ewa, { post: p, body: scam }));
		expect(refused.code).toBe('validation');
		expect(refused.message).toContain('link');
		expect(await listConversations(ctx, seller)).toHaveLength(0);
		// An ordinary link passes.
		const ok = await startConversation(ctx, ewa, { post: p, body: 'Zdjęcia: https://www.olx.pl/oferta/telefon' });
		// The seller answers: from now on Ewa is a contact and her links are not screened.
		await sendMessage(ctx, seller, ok.conversationId, { body: 'Dziękuję, przyjdę.' });
		await sendMessage(ctx, ewa, ok.conversationId, { body: scam });
		// The seller, writing first-hand to someone who answered, is not screened either.
		await sendMessage(ctx, seller, ok.conversationId, { body: 'https://bit.ly/abc' });
	});

	it('blocking stops both sides writing; unblocking allows it again', async () => {
		const a = await member(`blok${++n}@t.pl`, group, 'Natrętny');
		const b = await member(`blok${++n}@t.pl`, group, 'Spokojna');
		const p = await post(b, group, 'Szukam opiekunki do psa.');
		const { conversationId } = await startConversation(ctx, a, { post: p, body: 'Mogę pomóc.' });
		expect(await blockInConversation(ctx, b, conversationId, true)).toEqual({ blocked: true });
		const his = await refusal(sendMessage(ctx, a, conversationId, { body: 'Halo?' }));
		expect([his.code, his.message]).toEqual(['forbidden', 'Ta osoba nie przyjmuje od Ciebie wiadomości.']);
		expect((await refusal(startConversation(ctx, a, { post: p, body: 'Halo?' }))).code).toBe('forbidden');
		expect((await refusal(sendMessage(ctx, b, conversationId, { body: 'Nie pisz.' }))).message).toContain('Odblokuj');
		const view = await conversationView(ctx, b, conversationId);
		expect(view).toMatchObject({
			blocked: true,
			cannotWrite: 'Zablokowano tę osobę. Odblokuj ją, aby znów do niej pisać.'
		});
		expect((await listConversations(ctx, b))[0].blocked).toBe(true);
		await blockInConversation(ctx, b, conversationId, false);
		await sendMessage(ctx, a, conversationId, { body: 'Przepraszam.' });
	});

	it('a flood of messages from one account is stopped for the rest of the minute', async () => {
		const a = await member(`potok${++n}@t.pl`, group, 'Pisze Dużo');
		const p = await post(ewa, group, 'Oddam meble.');
		clock.set('2026-12-20T10:00:00Z');
		const { conversationId } = await startConversation(ctx, a, { post: p, body: 'Wiadomość 1' });
		for (let i = 2; i <= 30; i++) await sendMessage(ctx, a, conversationId, { body: `Wiadomość ${i}` });
		const refused = await refusal(sendMessage(ctx, a, conversationId, { body: 'Wiadomość 31' }));
		expect(refused.code).toBe('rate_limited');
		expect((await conversationView(ctx, ewa, conversationId)).messages).toHaveLength(30);
		clock.advance(60_000);
		await sendMessage(ctx, a, conversationId, { body: 'Po minucie' });
	});

	it('no one else reads a conversation, the operator and the moderators included', async () => {
		const [conversation] = await listConversations(ctx, anna);
		for (const someone of [ewa, operator, moderator, outsider]) {
			for (const call of [
				() => conversationView(ctx, someone, conversation.id),
				() => sendMessage(ctx, someone, conversation.id, { body: 'Wtrącam się' }),
				() => markConversationRead(ctx, someone, conversation.id),
				() => blockInConversation(ctx, someone, conversation.id, true)
			])
				expect((await refusal(call())).code).toBe('not_found');
		}
		expect((await refusal(conversationView(ctx, null, conversation.id))).code).toBe('unauthenticated');
		expect(await openMessageReports(ctx, moderator)).toEqual([]);
	});

	it('a member who left the group, or is suspended, cannot be written to; a muted one still reads but cannot write', async () => {
		const leaving = await member(`odchodzi${++n}@t.pl`, group, 'Odchodzi');
		const p = await post(leaving, group, 'Oddam książki.');
		const { conversationId } = await startConversation(ctx, jan, { post: p, body: 'Poproszę książki.' });
		await imposeSanction(ctx, moderator, group, {
			userId: leaving.id,
			kind: 'mute',
			days: 3,
			ground: 'insult',
			reason: 'Obraźliwe komentarze.'
		});
		await sendMessage(ctx, jan, conversationId, { body: 'Kiedy mogę odebrać?' });
		expect((await refusal(sendMessage(ctx, leaving, conversationId, { body: 'Jutro.' }))).message).toContain(
			'wyciszenia'
		);
		await imposeSanction(ctx, moderator, group, {
			userId: leaving.id,
			kind: 'suspend',
			days: 3,
			ground: 'insult',
			reason: 'Dalsze obraźliwe komentarze.'
		});
		expect((await refusal(sendMessage(ctx, jan, conversationId, { body: 'Halo?' }))).message).toContain(
			'nie jest teraz członkiem grupy'
		);
	});
});

describe('reports', () => {
	it('the recipient reports a message; only the group’s moderators then read that conversation and decide', async () => {
		const troll = await member(`troll${++n}@t.pl`, group, 'Troll');
		const { conversationId, id: first } = await startConversation(ctx, troll, {
			post: annaPost,
			body: 'Jeszcze pożałujesz.'
		});
		expect((await refusal(reportMessage(ctx, troll, conversationId, first, { reason: 'Własna' }))).code).toBe(
			'validation'
		);
		expect((await refusal(reportMessage(ctx, anna, conversationId, first, { reason: '' }))).code).toBe('validation');
		const { id: reportId } = await reportMessage(ctx, anna, conversationId, first, { reason: 'Groźba.' });
		expect((await refusal(reportMessage(ctx, anna, conversationId, first, { reason: 'Znowu' }))).code).toBe('conflict');
		expect(await openMessageReports(ctx, moderator)).toEqual([
			expect.objectContaining({ id: reportId, reason: 'Groźba.', group: { slug: 'wiskitki', name: 'Wiskitki' } })
		]);
		const notices = await listNotifications(ctx, moderator);
		expect(notices[0]).toMatchObject({
			kind: 'message_reported',
			link: `/moderacja/wiadomosci/${reportId}?grupa=wiskitki`
		});
		expect(await openMessageReports(ctx, moderator, 'inna')).toEqual([]);

		const seen = await reportedConversation(ctx, moderator, reportId);
		expect(seen).toMatchObject({ reporterName: 'Anna Nowak', senderName: 'Troll', reason: 'Groźba.' });
		expect(seen.messages).toEqual([
			expect.objectContaining({ body: 'Jeszcze pożałujesz.', reported: true, from: 'sender' })
		]);
		// The report opens only this conversation, and only to the moderators of its group.
		const [annaAndJan] = (await listConversations(ctx, anna)).filter((c) => c.other.name === 'Jan Kowalski');
		expect((await refusal(conversationView(ctx, moderator, annaAndJan.id))).code).toBe('not_found');
		for (const someone of [jan, troll, outsider, null])
			expect((await refusal(reportedConversation(ctx, someone, reportId))).code).toMatch(/forbidden|unauthenticated/);
		expect((await reportedConversation(ctx, operator, reportId)).id).toBe(reportId);
		expect((await refusal(decideMessageReport(ctx, jan, reportId, { decision: 'removed' }))).code).toBe('forbidden');
		expect((await refusal(decideMessageReport(ctx, moderator, reportId, { decision: 'maybe' }))).code).toBe(
			'validation'
		);

		await decideMessageReport(ctx, moderator, reportId, { decision: 'removed' });
		expect((await refusal(decideMessageReport(ctx, moderator, reportId, { decision: 'dismissed' }))).code).toBe(
			'conflict'
		);
		const view = await conversationView(ctx, anna, conversationId);
		expect(view.messages[0]).toMatchObject({ removed: true, body: '' });
		expect(view.reported).toEqual([first]);
		expect((await listNotifications(ctx, troll))[0]).toMatchObject({ kind: 'message_removed' });
		expect((await listNotifications(ctx, anna))[0].detail).toContain('wiadomość usunięto');
		expect(await openMessageReports(ctx, moderator)).toEqual([]);
	});
});

describe('e-mail about unread messages', () => {
	it('tells a person once, after a quarter of an hour, who wrote and how many, without the text', async () => {
		const reader = await member(`czytelnik${++n}@t.pl`, group, 'Czytelnik');
		const p = await post(reader, group, 'Zgubiłem klucze przy szkole.');
		const { conversationId } = await startConversation(ctx, jan, { post: p, body: 'Znalazłem klucze z brelokiem.' });
		await sendMessage(ctx, jan, conversationId, { body: 'Są w sklepie.' });
		await emailUnreadMessages(ctx);
		expect(await outbox(reader.email)).toEqual([]);
		clock.advance(MESSAGE_EMAIL_DELAY_MS);
		await emailUnreadMessages(ctx);
		const mails = await outbox(reader.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe('2 nieprzeczytane wiadomości w Tablicy');
		expect(mails[0].body_text).toContain('- Jan Kowalski: 2 wiadomości');
		expect(mails[0].body_text).toContain('http://tablica.test/wiadomosci');
		expect(mails[0].body_text).not.toContain('klucze');
		// Nothing new: no second e-mail. A new message after the quarter: one more.
		clock.advance(MESSAGE_EMAIL_DELAY_MS);
		await emailUnreadMessages(ctx);
		expect(await outbox(reader.email)).toHaveLength(1);
		await sendMessage(ctx, jan, conversationId, { body: 'Halo?' });
		clock.advance(MESSAGE_EMAIL_DELAY_MS);
		await emailUnreadMessages(ctx);
		expect(await outbox(reader.email)).toHaveLength(2);
		// Read, or e-mails turned off: none.
		await sendMessage(ctx, jan, conversationId, { body: 'Jestem do 18.' });
		await markConversationRead(ctx, reader, conversationId);
		clock.advance(MESSAGE_EMAIL_DELAY_MS);
		await emailUnreadMessages(ctx);
		expect(await outbox(reader.email)).toHaveLength(2);
		await setMessageEmails(ctx, reader, false);
		await sendMessage(ctx, jan, conversationId, { body: 'Ostatnia.' });
		clock.advance(MESSAGE_EMAIL_DELAY_MS);
		await emailUnreadMessages(ctx);
		expect(await outbox(reader.email)).toHaveLength(2);
	});
});

describe('deleting an account', () => {
	it('deletes the messages the person sent; the other side keeps its own, and cannot write further', async () => {
		const leaving = await member(`usuwa${++n}@t.pl`, group, 'Usuwa Konto');
		const p = await post(leaving, group, 'Sprzedam drewno.');
		const { conversationId } = await startConversation(ctx, ewa, { post: p, body: 'Ile za metr?' });
		await sendMessage(ctx, leaving, conversationId, { body: 'Dwieście złotych, telefon 600 100 200.' });
		await blockInConversation(ctx, leaving, conversationId, true);
		await blockInConversation(ctx, leaving, conversationId, false);
		await deleteAccount(ctx, leaving, TEST_PASSWORD);
		const left = await ctx.db
			.selectFrom('private_messages')
			.select('body')
			.where('sender_id', '=', leaving.id)
			.execute();
		expect(left).toEqual([]);
		const view = await conversationView(ctx, ewa, conversationId);
		expect(view.other).toEqual({ name: 'Konto usunięte', deleted: true });
		expect(view.messages.map((m) => m.body)).toEqual(['Ile za metr?']);
		expect(view.cannotWrite).toContain('nie jest teraz członkiem grupy');
		// The list shows Ewa's own last message as the last one.
		const entry = (await listConversations(ctx, ewa)).find((c) => c.id === conversationId)!;
		expect(entry.last).toMatchObject({ excerpt: 'Ile za metr?', mine: true });
		// A conversation where only the erased person wrote is gone.
		const silent = await member(`usuwa${++n}@t.pl`, group, 'Też Usuwa');
		const { conversationId: onlyTheirs } = await startConversation(ctx, silent, { post: annaPost, body: 'Halo' });
		await deleteAccount(ctx, silent, TEST_PASSWORD);
		expect((await refusal(conversationView(ctx, anna, onlyTheirs))).code).toBe('not_found');
	});

	it('a pair that talks goes on in the group it started in while both may write there', async () => {
		const both = await member(`obie${++n}@t.pl`, group, 'W obu grupach');
		await requestMembership(ctx, both, other, 'Tak');
		await decideMembership(ctx, operator, other, both.id, true);
		await requestMembership(ctx, jan, other, 'Tak');
		await decideMembership(ctx, operator, other, jan.id, true);
		const here = await post(both, group, 'Sprzedam stół.');
		const there = await post(both, other, 'Sprzedam krzesła.');
		const first = await startConversation(ctx, jan, { post: here, body: 'Stół aktualny?' });
		const again = await startConversation(ctx, jan, { post: there, body: 'A krzesła?' });
		expect(again.conversationId).toBe(first.conversationId);
		expect((await conversationView(ctx, jan, first.conversationId)).group.slug).toBe('wiskitki');
	});
});
