import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { createGroup } from '../groups/groups';
import { packageState } from '../subscriptions/subscriptions';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { contractForReader, contractPdf, placeOrder, signContract } from './contracts';
import { setDemoSeller } from './seller';

let database: Database;
let ctx: Ctx;
let operator: Actor, coordinator: Actor, stranger: Actor;
let groupId: string;
const media = mkdtempSync(path.join(tmpdir(), 'contracts-'));
const pdfScan = { name: 'umowa.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% podpisana umowa\n%%EOF\n') };

const order = (extra: Record<string, unknown> = {}) => ({
	group: 'wiskitki',
	plan: 'commitment',
	commitmentMonths: '12',
	startsOn: '2026-12-01',
	legalName: 'Gmina Wiskitki',
	nip: '838-157-40-08',
	regon: '013337502',
	street: 'ul. Kościuszki 1',
	postalCode: '96-315',
	city: 'Wiskitki',
	contactName: 'Agnieszka Lis',
	contactEmail: 'sekretariat@wiskitki.test',
	contactPhone: '',
	units: 'Urząd Miasta i Gminy Wiskitki\nOSP Wiskitki\n',
	...extra
});

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database, '2026-11-20T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	await setDemoSeller(ctx.db);
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	stranger = await makeUser(ctx, 'obcy@t.pl');
	groupId = (
		await createGroup(ctx, operator, {
			slug: 'wiskitki',
			municipalityCode: '1438053',
			name: 'Wiskitki – forum mieszkańców gminy',
			membershipQuestion: 'Czy mieszkasz w gminie?'
		})
	).id;
	await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
});
afterAll(async () => database?.close());

describe('ordering and signing Pakiet 1', () => {
	it('refuses bad orders and strangers, changing nothing', async () => {
		await expect(placeOrder(ctx, null, order())).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(placeOrder(ctx, stranger, order())).rejects.toMatchObject({ code: 'forbidden' });
		await expect(placeOrder(ctx, coordinator, order({ nip: '1234567890' }))).rejects.toMatchObject({
			code: 'validation',
			fields: { nip: expect.any(String) }
		});
		await expect(placeOrder(ctx, coordinator, order({ commitmentMonths: '3' }))).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(placeOrder(ctx, coordinator, order({ startsOn: '2026-11-01' }))).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(placeOrder(ctx, coordinator, order({ group: 'nie-ma' }))).rejects.toMatchObject({ code: 'not_found' });
		expect(await ctx.db.selectFrom('contracts').select('id').execute()).toEqual([]);
		expect(await ctx.db.selectFrom('customers').select('id').execute()).toEqual([]);
	});

	it('the coordinator orders: the customer’s data and a numbered contract with the price, term and units', async () => {
		const c = await placeOrder(ctx, coordinator, order());
		expect(c).toMatchObject({
			number: 'UM/2026/0001',
			status: 'ordered',
			plan: 'commitment',
			commitment_months: 12,
			starts_on: '2026-12-01',
			gross: 350_000,
			units: ['Urząd Miasta i Gminy Wiskitki', 'OSP Wiskitki']
		});
		expect(await ctx.db.selectFrom('customers').select(['legal_name', 'nip']).executeTakeFirstOrThrow()).toEqual({
			legal_name: 'Gmina Wiskitki',
			nip: '8381574008'
		});
		await expect(placeOrder(ctx, coordinator, order())).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('UM/2026/0001')
		});
		const text = (await contractPdf(c)).toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		await expect(contractForReader(ctx, stranger, c.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await contractForReader(ctx, coordinator, c.id)).number).toBe('UM/2026/0001');
	});

	it('the operator signs with the scan: the subscription starts; its first invoice comes on the first day', async () => {
		const c = await ctx.db.selectFrom('contracts').select('id').executeTakeFirstOrThrow();
		await expect(signContract(ctx, coordinator, c.id, pdfScan, media)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(signContract(ctx, operator, c.id, null, media)).rejects.toMatchObject({ code: 'validation' });
		await expect(
			signContract(ctx, operator, c.id, { name: 'x.txt', bytes: new TextEncoder().encode('nie skan') }, media)
		).rejects.toMatchObject({ code: 'unsupported_media' });
		const { contract, invoice } = await signContract(ctx, operator, c.id, pdfScan, media);
		expect(contract).toMatchObject({ status: 'signed' });
		expect(contract.scan_file).toMatch(/^[0-9a-f]{32}\.pdf$/);
		// Starts on 1 December: no invoice before then.
		expect(invoice).toBeNull();
		expect(await packageState(ctx, groupId)).toMatchObject({
			plan: 'commitment',
			startsOn: '2026-12-01',
			commitmentEndsOn: '2027-11-30'
		});
		await expect(signContract(ctx, operator, c.id, pdfScan, media)).rejects.toMatchObject({ code: 'conflict' });
	});
});
