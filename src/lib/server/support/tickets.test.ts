import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { getPost } from '../feed/feed-query';
import { createPost } from '../feed/create-post';
import { createGroup, decideMembership, getGroup, requestMembership } from '../groups/groups';
import { deliverDue, emailTransport } from '../notify/delivery';
import { listNotifications } from '../notify/notifications';
import { makeUser, loadDemoMunicipalities, openTestDatabase, testCtx } from '../testing/fixtures';
import { acknowledgeTicket, createTicket, getAttachment, getTicket, releaseFromTicket, replyToTicket } from './tickets';
import { addShift, onCallPhoneFor, pageBackups } from './on-call';
import { checkUploads } from '../media/uploads';

const MIN = 60_000;
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let admin: Actor, backup: Actor, anna: Actor, jan: Actor;
let group: Group;
let smtp: SMTPServer;
let smtpPort: number;
const received: ParsedMail[] = [];

const outbox = (channel: 'email' | 'sms') =>
	ctx.db
		.selectFrom('outbox')
		.select(['id', 'recipient', 'subject', 'body_text'])
		.where('channel', '=', channel)
		.orderBy('id')
		.execute();
const clearOutbox = () => ctx.db.deleteFrom('outbox').execute();

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	ctx.supportEmail = 'pomoc@tablica.test';
	await loadDemoMunicipalities(ctx);
	admin = await makeUser(ctx, 'dyzurny@tablica.test', { operator: true, name: 'Dyżurny' });
	backup = await makeUser(ctx, 'zastepca@tablica.test', { operator: true, name: 'Zastępca' });
	await createGroup(ctx, admin, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	for (const [email, name] of [
		['anna@t.pl', 'Anna'],
		['jan@t.pl', 'Jan']
	]) {
		const a = await makeUser(ctx, email, { name });
		await requestMembership(ctx, a, group, 'Tak');
		await decideMembership(ctx, admin, group, a.id, true);
		if (name === 'Anna') anna = a;
		else jan = a;
	}
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		closeTimeout: 200,
		onData: (stream, _s, cb) => void simpleParser(stream).then((m) => (received.push(m), cb()), cb)
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise<void>((resolve) => smtp?.close(() => resolve()));
	await database?.close();
});

describe('the on-call rota', () => {
	it('takes administrators only, a backup who is someone else, and a valid phone', async () => {
		const base = {
			startsAt: new Date(clock.now().getTime() - 60 * MIN),
			endsAt: new Date(clock.now().getTime() + 8 * 60 * MIN),
			primaryEmail: admin.email,
			primaryPhone: '600 100 200',
			backupEmail: backup.email,
			backupPhone: '600 100 201'
		};
		await expect(addShift(ctx, anna, base)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(addShift(ctx, admin, { ...base, backupEmail: anna.email })).rejects.toMatchObject({
			code: 'validation',
			fields: { backupEmail: expect.any(String) }
		});
		await expect(addShift(ctx, admin, { ...base, backupEmail: admin.email })).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(addShift(ctx, admin, { ...base, primaryPhone: '12' })).rejects.toMatchObject({
			code: 'validation',
			fields: { primaryPhone: expect.any(String) }
		});
		await addShift(ctx, admin, base);
	});
});

describe('tickets', () => {
	it('urgent: exactly one SMS to the on-call number, whose number only staff see', async () => {
		await clearOutbox();
		const t = await createTicket(ctx, anna, {
			kind: 'violation',
			priority: 'urgent',
			body: 'Pod postem urzędu ktoś grozi sąsiadce, proszę o szybką reakcję.'
		});
		expect(t).toMatchObject({ priority: 'urgent', status: 'new', onCallPhone: null });
		const sms = await outbox('sms');
		expect(sms).toHaveLength(1);
		expect(sms[0]).toMatchObject({ recipient: '+48600100200', body_text: expect.stringContaining(`/pomoc/${t.id}`) });
		const emails = await outbox('email');
		expect(emails.map((m) => m.recipient)).toEqual(['anna@t.pl']);
		expect(emails[0].body_text).not.toMatch(/600\s?100\s?200/);
		expect(await onCallPhoneFor(ctx, anna)).toBeNull();
		expect(await onCallPhoneFor(ctx, null)).toBeNull();
		expect(await onCallPhoneFor(ctx, admin)).toBe('+48 600 100 200');
	});

	it('urgent only from a confirmed address: an unconfirmed account pages nobody and learns no number', async () => {
		await clearOutbox();
		const newcomer = await makeUser(ctx, 'nowy@t.pl', { verified: false });
		const before = await ctx.db
			.selectFrom('tickets')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		await expect(
			createTicket(ctx, newcomer, {
				kind: 'technical',
				priority: 'urgent',
				body: 'Proszę pilnie o telefon od administratora.'
			})
		).rejects.toMatchObject({ code: 'forbidden', fields: { priority: expect.any(String) } });
		expect(
			await ctx.db
				.selectFrom('tickets')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.executeTakeFirstOrThrow()
		).toEqual(before);
		expect(await outbox('sms')).toEqual([]);
		expect(await outbox('email')).toEqual([]);
		const normal = await createTicket(ctx, newcomer, {
			kind: 'technical',
			body: 'Zwykła sprawa: nie widzę swoich grup.'
		});
		expect(normal).toMatchObject({ priority: 'normal', onCallPhone: null });
	});

	it('an unacknowledged urgent ticket pages the backup after 15 minutes, once; an acknowledged one does not', async () => {
		await clearOutbox();
		// Earlier tickets were taken care of.
		await ctx.db.updateTable('tickets').set({ acknowledged_at: clock.now() }).execute();
		const unanswered = await createTicket(ctx, anna, {
			kind: 'technical',
			priority: 'urgent',
			body: 'Nie mogę opublikować komunikatu o awarii wody!'
		});
		const answered = await createTicket(ctx, jan, {
			kind: 'technical',
			priority: 'urgent',
			body: 'Strona grupy się nie ładuje od rana.'
		});
		await acknowledgeTicket(ctx, admin, answered.id);
		await expect(acknowledgeTicket(ctx, anna, answered.id)).rejects.toMatchObject({ code: 'forbidden' });
		clock.advance(14 * MIN);
		expect(await pageBackups(ctx)).toBe(0);
		clock.advance(MIN);
		expect(await pageBackups(ctx)).toBe(1);
		expect(await pageBackups(ctx)).toBe(0);
		const toBackup = (await outbox('sms')).filter((m) => m.recipient === '+48600100201');
		expect(toBackup).toHaveLength(1);
		expect(toBackup[0].body_text).toContain(`#${unanswered.id}`);
		expect((await getTicket(ctx, admin, unanswered.id)).backupPagedAt).not.toBeNull();
	});

	it('normal: one e-mail to the support inbox (delivered over SMTP) and one SMS notice', async () => {
		await clearOutbox();
		received.length = 0;
		const t = await createTicket(ctx, jan, { kind: 'billing', body: 'Proszę o duplikat faktury za październik.' });
		expect(t.onCallPhone).toBeNull();
		expect(await outbox('sms')).toHaveLength(1);
		const emails = await outbox('email');
		expect(emails.map((m) => m.recipient).sort()).toEqual(['jan@t.pl', 'pomoc@tablica.test']);
		await deliverDue(ctx.db, clock, {
			email: emailTransport({
				smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
				mailFrom: 'Tablica <powiadomienia@tablica.test>',
				mailReplyTo: 'pomoc@tablica.test'
			})
		});
		const inbox = received.filter((m) => m.to && 'text' in m.to && m.to.text === 'pomoc@tablica.test');
		expect(inbox).toHaveLength(1);
		expect(inbox[0].subject).toBe(`Zgłoszenie #${t.id}: rozliczenia i faktury`);
		expect(inbox[0].text).toContain('duplikat faktury');
	});

	it('validates, and keeps threads private to the requester and the administrators', async () => {
		await expect(createTicket(ctx, anna, { kind: 'sabotage', body: 'xxxxxxxxxxxx' })).rejects.toMatchObject({
			code: 'validation',
			fields: { kind: expect.any(String) }
		});
		await expect(createTicket(ctx, anna, { kind: 'other', body: 'krótko' })).rejects.toMatchObject({
			code: 'validation',
			fields: { body: expect.any(String) }
		});
		await expect(createTicket(ctx, null, { kind: 'other', body: 'Bez logowania nie wolno.' })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(
			createTicket(ctx, null, { kind: 'advertising', body: 'Chcemy reklamować piekarnię w grupie.' })
		).rejects.toMatchObject({ code: 'validation', fields: { name: expect.any(String), email: expect.any(String) } });
		const ad = await createTicket(ctx, null, {
			kind: 'advertising',
			body: 'Chcemy reklamować piekarnię w grupie.',
			name: 'Piekarnia Kłos',
			email: 'biuro@klos.pl'
		});
		await expect(getTicket(ctx, anna, ad.id)).rejects.toMatchObject({ code: 'forbidden' });
		await replyToTicket(ctx, admin, ad.id, { body: 'Dziękujemy, wysyłamy ofertę reklamową.', status: 'waiting' });
		const view = await getTicket(ctx, admin, ad.id);
		expect(view).toMatchObject({ status: 'waiting', messages: [{ fromStaff: false }, { fromStaff: true }] });
		expect(view.responseMinutes).toBe(0);
		expect((await outbox('email')).filter((m) => m.recipient === 'biuro@klos.pl').map((m) => m.subject)).toEqual([
			`Przyjęliśmy zgłoszenie #${ad.id}`,
			`Odpowiedź w zgłoszeniu #${ad.id}`
		]);
	});
});

describe('a post held by mistake', () => {
	it('goes to an urgent ticket in one step and is released from it; the publisher is told everywhere', async () => {
		await clearOutbox();
		const { id: postId, status } = await createPost(ctx, anna, group, {
			body: 'Zbiórka dla pogorzelców z Jesionki w sobotę pod remizą.',
			category: 'community'
		});
		expect(status).toBe('pending');
		await expect(
			createTicket(ctx, jan, { kind: 'wrongly_held_post', body: 'To nie mój post, ale proszę go puścić.', postId })
		).rejects.toMatchObject({ code: 'forbidden' });
		const t = await createTicket(ctx, anna, {
			kind: 'wrongly_held_post',
			priority: 'normal',
			body: 'Post o zbiórce zatrzymano, a jest pilny.',
			postId,
			phone: '600 700 800'
		});
		expect(t).toMatchObject({ priority: 'urgent', onCallPhone: null });
		await expect(releaseFromTicket(ctx, anna, t.id)).rejects.toMatchObject({ code: 'forbidden' });
		await releaseFromTicket(ctx, admin, t.id);
		expect((await getPost(ctx, jan, postId)).post.status).toBe('published');
		expect(await getTicket(ctx, anna, t.id)).toMatchObject({ status: 'resolved' });
		expect((await listNotifications(ctx, anna))[0]).toMatchObject({ kind: 'post_approved' });
		expect((await outbox('sms')).map((m) => m.recipient)).toContain('+48600700800');
		expect(
			(await outbox('email')).some(
				(m) => m.recipient === 'anna@t.pl' && m.subject.startsWith('Twój post jest opublikowany')
			)
		).toBe(true);
		await expect(releaseFromTicket(ctx, admin, t.id)).rejects.toMatchObject({ code: 'conflict' });
	});
});

describe('attachments', () => {
	const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
	const pdf = new TextEncoder().encode('%PDF-1.7\n...');

	it('are recognised by their bytes, limited in number and size', () => {
		expect(
			checkUploads([
				{ name: 'zrzut.png', bytes: png },
				{ name: 'faktura.pdf', bytes: pdf }
			]).map((c) => c.type)
		).toEqual(['image/png', 'application/pdf']);
		expect(() => checkUploads([{ name: 'wirus.exe', bytes: new TextEncoder().encode('MZ...') }])).toThrow(
			'nie jest zdjęciem'
		);
		expect(() => checkUploads([{ name: 'udaje.png', bytes: new TextEncoder().encode('<html>') }])).toThrow(
			'nie jest zdjęciem'
		);
		expect(() => checkUploads(Array.from({ length: 6 }, () => ({ name: 'a.png', bytes: png })))).toThrow('najwyżej 5');
		expect(() => checkUploads([{ name: 'duzy.pdf', bytes: new Uint8Array(11 * 1024 * 1024).fill(0x25) }])).toThrow(
			'za duży'
		);
	});

	it('belong to a message and are seen by the requester and the administrators only', async () => {
		const t = await createTicket(
			ctx,
			jan,
			{ kind: 'billing', body: 'W załączniku faktura z błędnym NIP-em.' },
			{
				attachments: [
					{
						fileName: 'a'.repeat(32) + '.pdf',
						originalName: 'faktura 10/2026.pdf',
						contentType: 'application/pdf',
						size: 1234
					}
				]
			}
		);
		const view = await getTicket(ctx, admin, t.id);
		expect(view.messages[0].files).toEqual([
			{ url: `/pomoc/${t.id}/zalacznik/${'a'.repeat(32)}.pdf`, name: 'faktura 10/2026.pdf', size: 1234 }
		]);
		expect(await getAttachment(ctx, jan, t.id, 'a'.repeat(32) + '.pdf')).toMatchObject({
			content_type: 'application/pdf'
		});
		await expect(getAttachment(ctx, anna, t.id, 'a'.repeat(32) + '.pdf')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(getAttachment(ctx, admin, t.id, 'b'.repeat(32) + '.pdf')).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('limits', () => {
	const HOUR = 60 * MIN;
	const body = 'Zgłoszenie do sprawdzenia limitów, numer ';
	beforeAll(async () => {
		await addShift(ctx, admin, {
			startsAt: new Date('2026-11-27T00:00:00Z'),
			endsAt: new Date('2026-11-29T00:00:00Z'),
			primaryEmail: admin.email,
			primaryPhone: '600 100 200',
			backupEmail: backup.email,
			backupPhone: '600 100 201'
		});
	});

	it('per account: the eleventh ticket in an hour is refused with the wait, writing nothing; the next hour it goes', async () => {
		clock.set('2026-11-27T10:00:00Z');
		const eager = await makeUser(ctx, 'gorliwy@t.pl');
		for (let i = 1; i <= 10; i++) await createTicket(ctx, eager, { kind: 'other', body: body + i });
		await clearOutbox();
		await expect(createTicket(ctx, eager, { kind: 'other', body: body + 11 })).rejects.toMatchObject({
			code: 'rate_limited',
			message: 'Wysłano już wiele zgłoszeń z tego konta. Spróbuj ponownie za 1 godzinę.'
		});
		expect(await outbox('sms')).toEqual([]);
		expect(await outbox('email')).toEqual([]);
		expect(await ctx.db.selectFrom('tickets').select('id').where('requester_id', '=', eager.id).execute()).toHaveLength(
			10
		);
		clock.advance(HOUR);
		await createTicket(ctx, eager, { kind: 'other', body: body + 12 });
	});

	it('the public form: per client address and per requester address', async () => {
		clock.set('2026-11-27T12:00:00Z');
		const form = (i: number, email: string, ip: string) =>
			createTicket(ctx, null, { kind: 'contact', body: body + i, name: 'Ktoś', email }, { ip });
		for (let i = 1; i <= 10; i++) await form(i, `osoba${i}@t.pl`, '203.0.113.5');
		await expect(form(11, 'osoba11@t.pl', '203.0.113.5')).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringMatching(/^Wysłano już wiele zgłoszeń z tego adresu IP\. Spróbuj ponownie za 1 godzinę\.$/)
		});
		await form(12, 'osoba12@t.pl', '203.0.113.6');
		for (let i = 1; i <= 10; i++) await form(20 + i, 'cel@t.pl', `198.51.100.${i}`);
		await expect(form(30, 'cel@t.pl', '198.51.100.11')).rejects.toMatchObject({
			code: 'rate_limited',
			message: expect.stringContaining('z tego adresu e-mail')
		});
	});

	it('SMS notices of normal tickets stop at 20 an hour per on-call number; the tickets and e-mails still go', async () => {
		clock.set('2026-11-27T15:00:00Z');
		await clearOutbox();
		const people = [await makeUser(ctx, 'a1@t.pl'), await makeUser(ctx, 'a2@t.pl'), await makeUser(ctx, 'a3@t.pl')];
		for (let i = 0; i < 25; i++) await createTicket(ctx, people[i % 3], { kind: 'other', body: body + i });
		expect((await outbox('sms')).filter((m) => m.recipient === '+48600100200')).toHaveLength(20);
		expect((await outbox('email')).filter((m) => m.recipient === 'pomoc@tablica.test')).toHaveLength(25);
	});

	it('urgent tickets: three a day per account', async () => {
		clock.set('2026-11-28T08:00:00Z');
		const publisher = await makeUser(ctx, 'pilny@t.pl');
		for (let i = 1; i <= 3; i++)
			await createTicket(ctx, publisher, { kind: 'technical', priority: 'urgent', body: body + i });
		await expect(
			createTicket(ctx, publisher, { kind: 'technical', priority: 'urgent', body: body + 4 })
		).rejects.toMatchObject({ code: 'rate_limited', message: expect.stringContaining('pilnych zgłoszeń') });
		await createTicket(ctx, publisher, { kind: 'technical', body: body + 5 });
	});
});
