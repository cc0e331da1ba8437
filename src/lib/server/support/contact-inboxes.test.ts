import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { deliverDue, emailTransport } from '../notify/delivery';
import { openTestDatabase, testCtx } from '../testing/fixtures';
import { createTicket, inboxFor } from './tickets';

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let smtp: SMTPServer;
let smtpPort: number;
const received: ParsedMail[] = [];

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database));
	ctx.supportEmail = 'pomoc@tablica.test';
	ctx.contactInboxes = { municipalities: 'gminy@media.test', business: 'firmy@media.test' };
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

const to = (m: ParsedMail) => (m.to && 'text' in m.to ? m.to.text : '');

describe('the contact forms’ inboxes', () => {
	it('defaults: municipalities to jst@pl-media.pl, companies to poczta@pl-media.pl, the rest to support', () => {
		expect(inboxFor({}, 'cooperation')).toBe('jst@pl-media.pl');
		expect(inboxFor({}, 'advertising')).toBe('poczta@pl-media.pl');
		expect(inboxFor({}, 'contact')).toBe('pomoc@tablica.local');
		expect(inboxFor({ supportEmail: 'x@y.pl' }, 'technical')).toBe('x@y.pl');
	});

	it('each form is e-mailed over SMTP to the inbox of its sender kind', async () => {
		const sender = { name: 'Nadawca', phone: '' };
		await createTicket(ctx, null, {
			kind: 'cooperation',
			body: 'Gmina Baranów pyta o pakiet publikacji.',
			email: 'sekretariat@baranow.test',
			...sender
		});
		await createTicket(ctx, null, {
			kind: 'advertising',
			body: 'Piekarnia chce reklamować się w grupie.',
			email: 'biuro@piekarnia.test',
			...sender
		});
		await createTicket(ctx, null, {
			kind: 'contact',
			body: 'Pytanie o moderację w naszej grupie.',
			email: 'mieszkanka@example.test',
			...sender
		});
		await deliverDue(ctx.db, clock, {
			email: emailTransport({
				smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
				mailFrom: 'Tablica <powiadomienia@tablica.test>',
				mailReplyTo: 'pomoc@tablica.test'
			})
		});
		const staff = received.filter((m) => !/Przyjęliśmy/.test(m.subject ?? ''));
		expect(
			Object.fromEntries(staff.map((m) => [to(m), m.text?.match(/Gmina Baranów|Piekarnia|moderację/)?.[0]]))
		).toEqual({
			'gminy@media.test': 'Gmina Baranów',
			'firmy@media.test': 'Piekarnia',
			'pomoc@tablica.test': 'moderację'
		});
	});
});
