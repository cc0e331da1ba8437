import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAlertPreferences } from '../alerts/alerts';
import { sendPhoneCode, verifyPhoneCode } from '../alerts/phone-verification';
import { requestPasswordReset } from '../auth/accounts';
import { deleteAccount } from './delete-account';
import { createApiToken, logIn } from '../auth/sessions';
import type { Actor, Ctx } from '../core/context';
import type { Database } from '../db/database';
import type { Group } from '../db/schema';
import { setCommentReaction, setPostReaction, sharePost } from '../feed/engagement';
import { addComment } from '../feed/comments';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { runOnce } from '../limits/idempotency';
import { fileReport } from '../moderation/reports';
import { enqueueEmail } from '../notify/outbox';
import { subscribePush } from '../notify/push';
import { createTicket } from '../support/tickets';
import { conversationView, sendMessage, startConversation } from '../conversations/conversations';
import { reportMessage } from '../conversations/reports';
import {
	activatePackage,
	loadDemoMunicipalities,
	makeUser,
	openTestDatabase,
	testCtx,
	TEST_PASSWORD
} from '../testing/fixtures';
import { personalData } from './personal-data';
import { applyRetention, retention } from './retention';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, resident: Actor, neighbour: Actor;
let group: Group;

// What identifies the resident, in every form it is stored in.
const EMAIL = 'zofia.markowska.rodo@example.pl';
const NAME = 'Zofia Markowska-Rodo';
const PHONE = '601 234 567';
const markers = ['zofia.markowska.rodo', 'Markowska-Rodo', '601234567', '601 234 567'];

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'operator@tablica.test', { operator: true });
	resident = await makeUser(ctx, EMAIL, { name: NAME });
	neighbour = await makeUser(ctx, 'sasiad@example.pl', { name: 'Jan Sąsiad' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum mieszkańców gminy',
		membershipQuestion: 'Czy mieszkasz w gminie Wiskitki?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	for (const a of [resident, neighbour]) {
		await requestMembership(ctx, a, group, 'Tak, w Wiskitkach');
		await decideMembership(ctx, operator, group, a.id, true);
	}
});
afterAll(() => database?.close());

/** Every row of every public table as text, for the markers to be looked for in. */
async function everyRow(): Promise<Map<string, string[]>> {
	const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public'`.execute(
		ctx.db
	);
	const rows = new Map<string, string[]>();
	for (const { t } of tables.rows)
		rows.set(
			t,
			(await sql<{ r: string }>`select x::text as r from ${sql.table(t)} x`.execute(ctx.db)).rows.map((r) => r.r)
		);
	return rows;
}

const found = (rows: Map<string, string[]>) =>
	[...rows].flatMap(([table, texts]) =>
		texts.filter((text) => markers.some((m) => text.includes(m))).map((text) => `${table}: ${text.slice(0, 160)}`)
	);

describe('personal data', () => {
	it('knows every table of the database and what deleting an account does to it', async () => {
		const tables = (
			await sql<{
				t: string;
			}>`select tablename as t from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'
				and not exists (select 1 from pg_inherits i where i.inhrelid = format('public.%I', tablename)::regclass)`.execute(
				ctx.db
			)
		).rows
			.map((r) => r.t)
			.sort();
		expect(Object.keys(personalData).sort()).toEqual(tables);
	});

	it('erases everything that identifies a resident who left traces everywhere, and keeps the discussion', async () => {
		// The resident's traces, through the domain as they would leave them.
		await logIn(ctx, { email: EMAIL, password: TEST_PASSWORD }, '10.0.0.9');
		await logIn(ctx, { email: EMAIL, password: 'zle-haslo-1' }, '10.0.0.9').catch(() => {});
		await requestPasswordReset(ctx, EMAIL, '10.0.0.9');
		await createApiToken(ctx, resident.id, 'mój skrypt');
		const post = await createPost(ctx, resident, group, {
			body: 'Czy ktoś widział mojego kota w okolicy kościoła?',
			category: 'lostFound'
		});
		await ctx.db
			.updateTable('posts')
			.set({ status: 'published', published_at: clock.now() })
			.where('id', '=', post.id)
			.execute();
		const neighboursPost = await createPost(ctx, neighbour, group, {
			body: 'W sobotę sprzątanie parku, zapraszamy wszystkich.',
			category: 'questions'
		});
		await ctx.db
			.updateTable('posts')
			.set({ status: 'published', published_at: clock.now() })
			.where('id', '=', neighboursPost.id)
			.execute();
		const comment = await addComment(ctx, resident, neighboursPost.id, { body: 'Będę z dziećmi, przyniosę worki.' });
		await setPostReaction(ctx, resident, neighboursPost.id, 'like');
		await setCommentReaction(ctx, neighbour, comment.id, 'like');
		await sharePost(ctx, resident, neighboursPost.id, `user:${resident.id}`);
		// A private conversation: the resident's message, the neighbour's answer, reported by the resident.
		const { conversationId } = await startConversation(ctx, resident, {
			post: neighboursPost.id,
			body: `Przyniosę worki, dzwońcie: ${PHONE}. ${NAME}`
		});
		const answer = await sendMessage(ctx, neighbour, conversationId, { body: 'Dziękuję, będę o 10.' });
		await reportMessage(ctx, resident, conversationId, answer.id, { reason: `Zgłasza ${NAME}: pomyłka w godzinie` });
		// The alert phone, confirmed with a code sent by SMS.
		await ctx.db.updateTable('customers').set({ sms_enabled: true }).execute();
		await sendPhoneCode(ctx, resident, group, { phone: PHONE });
		const codeSms = await ctx.db
			.selectFrom('outbox')
			.select('body_text')
			.where('channel', '=', 'sms')
			.where('recipient', '=', '+48601234567')
			.executeTakeFirstOrThrow();
		await verifyPhoneCode(ctx, resident, group, { code: /\d{6}/.exec(codeSms.body_text)![0] });
		await setAlertPreferences(ctx, resident, group, {
			kinds: ['safety'],
			byEmail: true,
			byPush: true,
			bySms: true,
			phone: PHONE
		});
		await subscribePush(
			ctx,
			resident,
			{
				endpoint: 'https://fcm.googleapis.com/fcm/send/zofia-device',
				keys: {
					p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
					auth: 'tBHItJI5svbpez7KI4CCXg'
				}
			},
			'Mozilla/5.0 (Android)'
		);
		await fileReport(ctx, resident, {
			postId: neighboursPost.id,
			ground: 'spam',
			explanation: 'To jest reklama, nie ogłoszenie mieszkańca.',
			name: NAME,
			email: EMAIL,
			goodFaith: true
		});
		await createTicket(ctx, resident, {
			kind: 'technical',
			body: 'Nie mogę dodać zdjęcia do posta z telefonu.',
			phone: PHONE
		});
		await runOnce(ctx, resident.id, 'klucz-1', 'odcisk', async () =>
			Response.json({ id: post.id, author: NAME }, { status: 201 })
		);
		await ctx.db
			.insertInto('unit_invitations')
			.values({
				unit_id: (
					await ctx.db
						.insertInto('units')
						.values({
							municipality_code: '1438053',
							slug: 'biblioteka',
							name: 'Biblioteka',
							type: 'library',
							created_at: clock.now()
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id,
				email: EMAIL,
				role: 'editor',
				token_hash: 'x',
				invited_by: operator.id,
				created_at: clock.now(),
				expires_at: clock.now()
			})
			.execute();
		await enqueueEmail(ctx.db, clock, { to: EMAIL, subject: 'Witaj w grupie', text: `Dzień dobry, ${NAME}!` });
		await ctx.db
			.insertInto('outbox')
			.values({ channel: 'sms', recipient: '+48601234567', body_text: 'Alert: burza', created_at: clock.now() })
			.execute();
		const before = found(await everyRow());
		for (const table of [
			'users',
			'login_attempts',
			'login_backoff',
			'rate_limits',
			'alert_subscriptions',
			'phone_verifications',
			'reports',
			'tickets',
			'ticket_messages',
			'notifications',
			'outbox',
			'unit_invitations',
			'idempotency_keys',
			'private_messages',
			'message_reports'
		]) {
			expect(
				before.some((f) => f.startsWith(`${table}:`)),
				`${table} should hold the resident's data before`
			).toBe(true);
		}

		await deleteAccount(ctx, resident, TEST_PASSWORD);

		expect(found(await everyRow())).toEqual([]);
		// The neighbour keeps their side of the conversation; the resident's message is gone.
		const theirSide = await conversationView(ctx, neighbour, conversationId);
		expect(theirSide.messages.map((m) => m.body)).toEqual(['Dziękuję, będę o 10.']);
		expect(theirSide.other.name).toBe('Konto usunięte');
		for (const table of [
			'sessions',
			'api_tokens',
			'memberships',
			'alert_subscriptions',
			'phone_verifications',
			'push_subscriptions',
			'idempotency_keys',
			'notifications'
		] as const) {
			expect(
				await ctx.db.selectFrom(table).select('user_id').where('user_id', '=', resident.id).execute(),
				table
			).toEqual([]);
		}
		// The discussion keeps its sense: the post, the comment and the reactions stay, signed by nobody.
		const kept = await ctx.db
			.selectFrom('posts')
			.innerJoin('users', 'users.id', 'posts.author_id')
			.select(['posts.body', 'users.display_name'])
			.where('posts.id', '=', post.id)
			.executeTakeFirstOrThrow();
		expect(kept).toEqual({ body: 'Czy ktoś widział mojego kota w okolicy kościoła?', display_name: 'Konto usunięte' });
		expect(
			await ctx.db.selectFrom('comments').select('body').where('id', '=', comment.id).executeTakeFirstOrThrow()
		).toEqual({ body: 'Będę z dziećmi, przyniosę worki.' });
		expect((await getGroup(ctx.db, 'wiskitki')).member_count).toBe(1);
		await expect(logIn(ctx, { email: EMAIL, password: TEST_PASSWORD }, '10.0.0.9')).rejects.toMatchObject({
			code: 'unauthenticated'
		});
	});

	it('forgets delivered messages after 90 days, notifications after a year, resolved tickets’ contacts after two', async () => {
		const someone = await makeUser(ctx, 'tomasz.retencja@example.pl', { name: 'Tomasz Retencja' });
		await enqueueEmail(ctx.db, clock, { to: 'tomasz.retencja@example.pl', subject: 'Stara wiadomość', text: 'Treść' });
		await ctx.db
			.updateTable('outbox')
			.set({ status: 'sent', sent_at: clock.now() })
			.where('recipient', '=', 'tomasz.retencja@example.pl')
			.execute();
		await enqueueEmail(ctx.db, clock, {
			to: 'tomasz.retencja@example.pl',
			subject: 'Jeszcze nie wysłana',
			text: 'Treść'
		});
		const t = await createTicket(ctx, someone, {
			kind: 'technical',
			body: 'Nie działa wyszukiwarka w grupie.',
			phone: '602 345 678'
		});
		await ctx.db
			.updateTable('tickets')
			.set({ resolved_at: clock.now(), status: 'resolved' })
			.where('id', '=', t.id)
			.execute();

		clock.advance(retention.outboxDays * 24 * 3600_000 - 60_000);
		expect((await applyRetention(ctx)).outbox).toBe(0);
		clock.advance(120_000);
		expect((await applyRetention(ctx)).outbox).toBeGreaterThan(0);
		const left = (
			await ctx.db
				.selectFrom('outbox')
				.select('subject')
				.where('recipient', '=', 'tomasz.retencja@example.pl')
				.execute()
		).map((m) => m.subject);
		expect(left).toContain('Jeszcze nie wysłana');
		expect(left).not.toContain('Stara wiadomość');

		clock.advance(retention.resolvedTicketDays * 24 * 3600_000);
		expect((await applyRetention(ctx)).tickets).toBe(1);
		const ticket = await ctx.db
			.selectFrom('tickets')
			.select(['requester_name', 'requester_email', 'requester_phone'])
			.where('id', '=', t.id)
			.executeTakeFirstOrThrow();
		expect(ticket).toEqual({ requester_name: 'Konto usunięte', requester_email: '', requester_phone: null });
		expect(
			await ctx.db
				.selectFrom('notifications')
				.select('id')
				.where('created_at', '<', new Date(clock.now().getTime() - retention.notificationDays * 24 * 3600_000))
				.execute()
		).toEqual([]);
	});
});
