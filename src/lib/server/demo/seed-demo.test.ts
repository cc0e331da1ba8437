import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Ctx } from '../core/context';
import { toActor } from '../auth/accounts';
import { officePanel } from '../billing/office-views';
import { fa3Xml } from '../billing/fa3';
import { validateFa3 } from '../billing/fa3-validate';
import { loadDemoMunicipalities, openTestDatabase, testCtx } from '../testing/fixtures';
import { expectStatsInvariants } from '../testing/stats-invariants';
import { seedDemo } from './seed-demo';
import { getGroup } from '../groups/groups';
import { activePackage } from '../access/package-state';
import { priceFor } from '../subscriptions/prices';
import path from 'node:path';

let database: Database;
let ctx: Ctx;
const NOW = '2026-12-02T09:00:00Z';

// The whole demo year, seeded once (slow: about two minutes on two cores).
beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database, NOW));
	await loadDemoMunicipalities(ctx);
	await seedDemo(ctx);
}, 600_000);
afterAll(async () => database?.close());

describe('the demo year', () => {
	it('statistics: persons ≤ views per post, day and month; months add up their days; nothing after today', async () => {
		const groups = await ctx.db.selectFrom('groups').select(['id', 'slug']).execute();
		expect(groups.length).toBe(3);
		for (const g of groups) await expectStatsInvariants(ctx.db, g.id, new Date(NOW));
		// Readers come back: most posts have more views than persons, units' posts too.
		const posts = await ctx.db
			.selectFrom('posts')
			.select(['view_count', 'unique_viewer_count', 'unit_id'])
			.where('status', '=', 'published')
			.where('view_count', '>', 50)
			.execute();
		const more = posts.filter((p) => p.view_count > p.unique_viewer_count);
		expect(more.length / posts.length).toBeGreaterThan(0.5);
		expect(more.some((p) => p.unit_id)).toBe(true);
	}, 120_000);

	it('billing: the package from a signed contract, paid invoices with dates, KSeF states after their issue dates', async () => {
		const coordinator = toActor(
			await ctx.db
				.selectFrom('users')
				.selectAll()
				.where('email', '=', 'koordynator@wiskitki.test')
				.executeTakeFirstOrThrow()
		);
		const panel = await officePanel(ctx, coordinator, null);
		// Wiskitki's coordinator sees Wiskitki only, not Radziejowice's pilot.
		expect(panel.groups.map((g) => g.slug)).toEqual(['wiskitki']);
		const wiskitki = panel.groups.find((g) => g.slug === 'wiskitki')!;
		expect(wiskitki.package?.status).toBe('active');
		expect(panel.contracts).toEqual([expect.objectContaining({ status: 'signed', startsOn: '01.07.2026' })]);
		const contract = await ctx.db
			.selectFrom('contracts')
			.selectAll()
			.where('subscription_id', '=', wiskitki.package!.id)
			.executeTakeFirstOrThrow();
		expect(contract.subscription_id).toBe(wiskitki.package!.id);
		expect(contract.signed_at!.getTime()).toBeLessThan(Date.parse('2026-07-01'));
		// Pakiet 1 today, Pakiet 2 ordered from 1 January 2027 (priced by the operator in the demo).
		expect(wiskitki.package).toMatchObject({
			package: 'pakiet1',
			pendingChange: { package: 'pakiet2', from: '2027-01-01' }
		});
		expect(
			await ctx.db
				.selectFrom('prices')
				.select(['package', 'plan', 'gross'])
				.where('valid_from', '=', '2027-01-01')
				.execute()
		).toEqual(
			expect.arrayContaining([
				{ package: 'pakiet2', plan: 'commitment', gross: 499_000 },
				{ package: 'pakiet3', plan: 'monthly', gross: 790_000 }
			])
		);
		// Wiskitki has its package: no dead-end order button.
		expect(panel.orderable).toBe(false);

		const invoices = await ctx.db
			.selectFrom('invoices')
			.selectAll()
			.where('subscription_id', '=', wiskitki.package!.id)
			.orderBy('issue_date')
			.execute();
		expect(invoices.map((i) => i.issue_date)).toEqual([
			'2026-07-01',
			'2026-08-01',
			'2026-09-01',
			'2026-10-01',
			'2026-11-01',
			'2026-12-01'
		]);
		const current = invoices.at(-1)!;
		expect(current).toMatchObject({ paid_at: null, ksef_status: 'to_send', ksef_number: null });
		for (const inv of invoices.slice(0, -1)) {
			expect(inv.ksef_status).toBe('accepted');
			const accepted = inv.ksef_number!.split('-')[1];
			expect(`${accepted.slice(0, 4)}-${accepted.slice(4, 6)}-${accepted.slice(6)}` > inv.issue_date).toBe(true);
			expect(inv.ksef_number).toMatch(/^1181610440-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/);
			expect(inv.paid_at!.getTime()).toBeLessThan(Date.parse(NOW));
			expect(inv.paid_at!.toISOString().slice(0, 10) > inv.issue_date).toBe(true);
		}
		const rows = new Map(panel.invoices.map((i) => [i.number, i]));
		expect(rows.get(invoices[0].number)).toMatchObject({ payment: 'zapłacona 08.07.2026', ksef: 'przyjęta' });
		expect(rows.get(current.number)).toMatchObject({ payment: 'do zapłaty', ksef: 'do wysłania' });

		// The demo's seller account is fictitious and says so, on the invoice and in its FA(3) XML.
		expect(current.seller).toMatchObject({
			bankAccount: '04000000000000000000000000',
			bankAccountNote: 'konto fikcyjne — tryb demonstracyjny'
		});
		const check = validateFa3(fa3Xml(current), process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data'));
		if (check) expect(check.ok, check.output).toBe(true);
	});

	it('Radziejowice runs Pakiet 3 as a pilot on its own terms from 1 November 2026, invoiced at the pilot price', async () => {
		const group = await getGroup(ctx.db, 'radziejowice');
		expect(await activePackage(ctx, group.id)).toBe('pakiet3');
		const customer = await ctx.db
			.selectFrom('customers')
			.selectAll()
			.where('municipality_code', '=', group.municipality_code)
			.executeTakeFirstOrThrow();
		expect(customer).toMatchObject({ sms_enabled: true, promotion_sms_cap: 500 });
		expect(await priceFor(ctx.db, customer.id, 'monthly', '2026-11-01', 'pakiet3')).toMatchObject({
			gross: 490_000,
			source: 'terms',
			note: expect.stringContaining('pilotaż')
		});
		const contract = await ctx.db
			.selectFrom('contracts')
			.selectAll()
			.where('group_id', '=', group.id)
			.executeTakeFirstOrThrow();
		expect(contract).toMatchObject({ package: 'pakiet3', status: 'signed', starts_on: '2026-11-01', gross: 490_000 });
		const invoices = await ctx.db
			.selectFrom('invoices')
			.select(['issue_date', 'gross', 'paid_at'])
			.where('subscription_id', '=', contract.subscription_id)
			.orderBy('issue_date')
			.execute();
		expect(invoices.map((i) => [i.issue_date, i.gross])).toEqual([
			['2026-11-01', 490_000],
			['2026-12-01', 490_000]
		]);
		// Promotions a month in the price list: 8 in Pakiet 2, 12 in Pakiet 3, none in Pakiet 1.
		const quotas = await ctx.db.selectFrom('prices').select(['package', 'promotions_per_month']).execute();
		for (const q of quotas) expect(q.promotions_per_month).toBe({ pakiet1: 0, pakiet2: 8, pakiet3: 12 }[q.package]);
	});
});
