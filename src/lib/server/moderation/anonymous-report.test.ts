import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, getGroup } from '../groups/groups';
import { createPost } from '../feed/create-post';
import { listOutbox } from '../notify/outbox';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { listQueue } from './queue';
import { fileReport } from './reports';

let database: Database;
let ctx: Ctx;
let operator: Actor, resident: Actor;
let group: Group;
let postId: string;

const notice = (extra: Record<string, unknown> = {}) => ({
	postId,
	ground: 'illegal',
	explanation: 'Ten post podaje cudzy adres i namawia do nękania.',
	name: 'Anna Nowak',
	email: 'anna.nowak@poczta.pl',
	goodFaith: 'on',
	...extra
});

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true, name: 'Operator' });
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	postId = (await createPost(ctx, operator, group, { body: 'Zebranie wiejskie w piątek.', category: 'other' })).id;
	resident = await makeUser(ctx, 'jan@t.pl', { name: 'Jan Kowal' });
});
afterAll(async () => database?.close());

describe('a report without an account (DSA Art. 16)', () => {
	it('needs a chosen reason, a name and an e-mail; nothing is stored without them', async () => {
		await expect(fileReport(ctx, null, notice({ ground: '' }))).rejects.toMatchObject({
			code: 'validation',
			fields: { ground: 'Wybierz, co narusza ta treść.' }
		});
		await expect(fileReport(ctx, null, notice({ name: '', email: '' }))).rejects.toMatchObject({
			code: 'validation',
			fields: { name: 'Podaj imię i nazwisko.', email: expect.any(String) }
		});
		expect((await listQueue(ctx, operator, group)).reported).toEqual([]);
	});

	it('reaches the moderation queue like a signed-in report, with an acknowledgement by e-mail', async () => {
		const filed = await fileReport(ctx, null, notice(), { ip: '203.0.113.7' });
		expect(filed.hidden).toBe(false);
		const queue = await listQueue(ctx, operator, group);
		expect(queue.reported.map((i) => i.id)).toEqual([postId]);
		expect(queue.reported[0].reports).toMatchObject([
			{ groundLabel: 'Treści nielegalne', reporterName: 'Anna Nowak', fromPublisher: false }
		]);
		expect((await listOutbox(ctx.db, { recipient: 'anna.nowak@poczta.pl' })).length).toBe(1);
		// One notice per address and item.
		await expect(fileReport(ctx, null, notice({ email: 'ANNA.nowak@poczta.pl' }))).rejects.toMatchObject({
			code: 'conflict'
		});
	});

	it('a signed-in person does not retype the name and address', async () => {
		await fileReport(ctx, resident, notice({ name: '', email: '' }));
		const reports = (await listQueue(ctx, operator, group)).reported[0].reports;
		expect(reports.map((r) => r.reporterName)).toEqual(['Anna Nowak', 'Jan Kowal']);
		expect((await listOutbox(ctx.db, { recipient: 'jan@t.pl' })).length).toBe(1);
	});

	it('is limited per IP address', async () => {
		const ip = '198.51.100.9';
		for (let i = 0; i < 20; i++) await fileReport(ctx, null, notice({ email: `osoba${i}@poczta.pl` }), { ip });
		await expect(fileReport(ctx, null, notice({ email: 'kolejna@poczta.pl' }), { ip })).rejects.toMatchObject({
			code: 'rate_limited'
		});
	});
});
