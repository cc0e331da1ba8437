import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { createGroup } from '../groups/groups';
import { activePackage } from '../access/package-state';
import { loadDemoMunicipalities, makeUser, openTestDatabase, testCtx, testCustomer } from '../testing/fixtures';
import { contractPdf, placeOrder, signContract } from '../billing/contracts';
import { setDemoSeller } from '../billing/seller';
import { orderForm } from '../billing/order-views';
import { issueDueInvoices, type Invoice } from '../billing/invoices';
import { fa3Xml } from '../billing/fa3';
import { invoicePdf } from '../billing/invoice-pdf';
import { layoutText } from '../testing/pdf-text';
import { validateFa3 } from '../billing/fa3-validate';
import { createCustomer } from './customers';
import { addCustomerTerms, addPrice, orderOptions } from './prices';
import { packageState, startSubscription } from './subscriptions';
import { changeOptions, nextPeriodStart, requestPackageChange, withdrawPackageChange } from './package-changes';

const referenceDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, coordinator: Actor, stranger: Actor;
let wiskitki: string, radziejowice: string;
const media = mkdtempSync(path.join(tmpdir(), 'package-changes-'));
const pdfScan = { name: 'umowa.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% podpisana umowa\n%%EOF\n') };
const at = (day: string) => clock.set(`${day}T09:00:00Z`);

const order = (extra: Record<string, unknown> = {}) => ({
	...testCustomer,
	group: 'wiskitki',
	package: 'pakiet2',
	plan: 'monthly',
	startsOn: '2026-12-15',
	contactPhone: '',
	units: '',
	...extra
});

const expectValidFa3 = (inv: Invoice) => {
	const r = validateFa3(fa3Xml(inv), referenceDir);
	if (r) expect(r.output).toMatch(/validates/);
	else console.warn('FA(3) schema or xmllint missing: not validated here');
};

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-12-02T10:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	coordinator = await makeUser(ctx, 'koordynator@t.pl');
	stranger = await makeUser(ctx, 'obcy@t.pl');
	await setDemoSeller(ctx.db);
	const group = (slug: string, code: string, name: string) =>
		createGroup(ctx, operator, { slug, municipalityCode: code, name, membershipQuestion: 'Czy mieszkasz w gminie?' });
	wiskitki = (await group('wiskitki', '1438053', 'Wiskitki – forum mieszkańców gminy')).id;
	radziejowice = (await group('radziejowice', '1438042', 'Radziejowice – forum mieszkańców')).id;
	await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
	// The operator prices the announced packages from 1 January 2027.
	for (const [pkg, gross] of [
		['pakiet2', '5 500,00'],
		['pakiet3', '7 900,00']
	])
		await addPrice(ctx, operator, { package: pkg, plan: 'monthly', gross, vatRate: '23', validFrom: '2027-01-01' });
});
afterAll(async () => database?.close());

describe('ordering Pakiet 2 across 1 January 2027', () => {
	it('the order form offers Pakiet 2 and 3 only from 2027-01-01 and once priced', async () => {
		expect((await orderOptions(ctx.db, '2026-12-31')).map((o) => o.package)).toEqual(['pakiet1', 'pakiet1']);
		expect(await orderOptions(ctx.db, '2027-01-01')).toEqual(
			expect.arrayContaining([
				{ package: 'pakiet2', plan: 'monthly', gross: 550_000 },
				{ package: 'pakiet3', plan: 'monthly', gross: 790_000 }
			])
		);
		// The form before 2027: Pakiet 2 and 3 offered with a start from 1 January 2027.
		const form = await orderForm(ctx, coordinator, 'wiskitki');
		expect(form.packages.map((p) => [p.code, p.from, p.plans.map((o) => o.plan)])).toEqual([
			['pakiet1', '2026-12-02', ['commitment', 'monthly']],
			['pakiet2', '2027-01-01', ['monthly']],
			['pakiet3', '2027-01-01', ['monthly']]
		]);
		// No commitment price for Pakiet 2 in the list: not offered.
		expect(
			(await orderOptions(ctx.db, '2027-01-01')).some((o) => o.package === 'pakiet2' && o.plan === 'commitment')
		).toBe(false);
	});

	it('refused to start before 2027, nothing written; accepted on 2027-01-01; signing writes the package', async () => {
		await expect(placeOrder(ctx, coordinator, order())).rejects.toMatchObject({
			code: 'conflict',
			fields: { startsOn: expect.any(String) }
		});
		at('2026-12-31');
		await expect(placeOrder(ctx, coordinator, order({ startsOn: '2026-12-31' }))).rejects.toMatchObject({
			code: 'conflict'
		});
		expect(await ctx.db.selectFrom('contracts').select('id').execute()).toEqual([]);
		at('2027-01-01');
		const c = await placeOrder(ctx, coordinator, order({ startsOn: '2027-01-01' }));
		expect(c).toMatchObject({ package: 'pakiet2', gross: 550_000, starts_on: '2027-01-01' });
		const text = (await contractPdf(c)).toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		const { contract, invoice } = await signContract(ctx, operator, c.id, pdfScan, media);
		expect(
			await ctx.db
				.selectFrom('subscription_packages')
				.select(['valid_from', 'package'])
				.where('subscription_id', '=', contract.subscription_id!)
				.execute()
		).toEqual([{ valid_from: '2027-01-01', package: 'pakiet2' }]);
		expect(await activePackage(ctx, wiskitki)).toBe('pakiet2');
		expect(invoice!.lines[0]).toMatchObject({
			description: expect.stringMatching(/^Pakiet nr 2 – publikowanie i wzmocnienie treści w grupie/),
			gross: 550_000
		});
		expect(fa3Xml(invoice!)).toContain('<P_7>Pakiet nr 2 – ');
		expectValidFa3(invoice!);
	});
});

describe('changing package at the next period', () => {
	it('only the coordinator or the operator asks; it waits for the next period and can be withdrawn', async () => {
		at('2027-01-10');
		await expect(requestPackageChange(ctx, stranger, wiskitki, { package: 'pakiet3' })).rejects.toMatchObject({
			code: 'forbidden'
		});
		await expect(requestPackageChange(ctx, null, wiskitki, { package: 'pakiet3' })).rejects.toMatchObject({
			code: 'unauthenticated'
		});
		await expect(requestPackageChange(ctx, coordinator, wiskitki, { package: 'pakiet2' })).rejects.toMatchObject({
			code: 'conflict'
		});
		// The panel offers the others, priced for the next period.
		expect(await changeOptions(ctx, wiskitki)).toEqual({
			from: '2027-02-01',
			options: [
				{ package: 'pakiet1', label: 'Pakiet nr 1', gross: 385_000 },
				{ package: 'pakiet3', label: 'Pakiet nr 3', gross: 790_000 }
			]
		});
		await expect(requestPackageChange(ctx, coordinator, wiskitki, { package: 'x' })).rejects.toMatchObject({
			code: 'validation'
		});
		expect(await requestPackageChange(ctx, coordinator, wiskitki, { package: 'pakiet3' })).toEqual({
			package: 'pakiet3',
			from: '2027-02-01'
		});
		expect(await packageState(ctx, wiskitki)).toMatchObject({
			package: 'pakiet2',
			pendingChange: { package: 'pakiet3', from: '2027-02-01' }
		});
		await expect(withdrawPackageChange(ctx, stranger, wiskitki)).rejects.toMatchObject({ code: 'forbidden' });
		expect(await withdrawPackageChange(ctx, coordinator, wiskitki)).toMatchObject({
			package: 'pakiet2',
			pendingChange: null
		});
		await expect(withdrawPackageChange(ctx, coordinator, wiskitki)).rejects.toMatchObject({ code: 'conflict' });
		// Down, then changed mind: up; the later request replaces the earlier one.
		await requestPackageChange(ctx, operator, wiskitki, { package: 'pakiet1' });
		await requestPackageChange(ctx, coordinator, wiskitki, { package: 'pakiet3' });
		expect((await packageState(ctx, wiskitki))?.pendingChange).toEqual({ package: 'pakiet3', from: '2027-02-01' });
	});

	it('across the period boundary: the last day keeps Pakiet 2, the first day has Pakiet 3 and its invoice', async () => {
		at('2027-01-31');
		expect(await activePackage(ctx, wiskitki)).toBe('pakiet2');
		expect(await issueDueInvoices(ctx)).toEqual([]);
		at('2027-02-01');
		expect(await activePackage(ctx, wiskitki)).toBe('pakiet3');
		const [inv] = await issueDueInvoices(ctx);
		expect(inv).toMatchObject({ period_start: '2027-02-01', period_end: '2027-02-28', gross: 790_000 });
		expect(inv.lines[0].description).toMatch(/^Pakiet nr 3 – publikowanie, wzmocnienie i zasięg regionalny treści/);
		expectValidFa3(inv);
		const pdf = layoutText(await invoicePdf(inv));
		if (pdf !== null) expect(pdf.replace(/\s+/g, ' ')).toContain('Pakiet nr 3 –');
		expect(await packageState(ctx, wiskitki)).toMatchObject({ package: 'pakiet3', pendingChange: null });
		// In force now: nothing left to withdraw.
		await expect(withdrawPackageChange(ctx, coordinator, wiskitki)).rejects.toMatchObject({ code: 'conflict' });
	});

	it('periods run from the start day; Pakiet 2 not before 2027 unless on the customer’s own terms', async () => {
		expect(nextPeriodStart('2026-11-15', '2026-12-02')).toBe('2026-12-15');
		expect(nextPeriodStart('2026-11-15', '2026-12-15')).toBe('2027-01-15');
		expect(nextPeriodStart('2026-12-20', '2026-12-02')).toBe('2026-12-20');
		at('2026-11-10');
		await createCustomer(ctx, operator, {
			...testCustomer,
			municipalityCode: '1438042',
			legalName: 'Gmina Radziejowice',
			nip: '838-157-00-16'
		});
		await startSubscription(ctx, operator, radziejowice, { plan: 'monthly', startsOn: '2026-11-15' });
		// Not started yet: the contract's package stands until then.
		expect(await changeOptions(ctx, radziejowice)).toBeNull();
		await expect(requestPackageChange(ctx, operator, radziejowice, { package: 'pakiet1' })).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('zacznie działać')
		});
		at('2026-12-02');
		expect((await changeOptions(ctx, radziejowice))?.options.map((o) => o.package)).toEqual([]);
		await expect(requestPackageChange(ctx, operator, radziejowice, { package: 'pakiet2' })).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('od 1 stycznia 2027')
		});
		at('2026-12-20');
		expect(await requestPackageChange(ctx, operator, radziejowice, { package: 'pakiet2' })).toEqual({
			package: 'pakiet2',
			from: '2027-01-15'
		});
		await withdrawPackageChange(ctx, operator, radziejowice);
		// A pilot: individual terms for Pakiet 3 let the operator sell it early.
		const customerId = (
			await ctx.db
				.selectFrom('customers')
				.select('id')
				.where('municipality_code', '=', '1438042')
				.executeTakeFirstOrThrow()
		).id;
		await addCustomerTerms(ctx, operator, customerId, {
			package: 'pakiet3',
			gross: '4 000,00',
			note: 'Pilotaż Pakietu nr 3',
			validFrom: '2026-12-01'
		});
		at('2026-12-02');
		expect(await requestPackageChange(ctx, operator, radziejowice, { package: 'pakiet3' })).toEqual({
			package: 'pakiet3',
			from: '2026-12-15'
		});
		at('2026-12-15');
		expect(await activePackage(ctx, radziejowice)).toBe('pakiet3');
		const inv = (await issueDueInvoices(ctx)).find((i) => i.period_start === '2026-12-15')!;
		expect(inv).toMatchObject({ gross: 400_000 });
		expect(inv.lines[0].description).toMatch(/^Pakiet nr 3 – /);
	});
});
