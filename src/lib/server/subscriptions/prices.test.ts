import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import { makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { addPrice, listPrices } from './prices';

let database: Database;
let ctx: Ctx;
let operator: Actor;

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx } = testCtx(database, '2026-12-02T10:00:00Z'));
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
});
afterAll(() => database.close());

const quota = async (pkg: string, plan: string, validFrom: string) =>
	(await listPrices(ctx.db)).find((p) => p.package === pkg && p.plan === plan && p.valid_from === validFrom)
		?.promotions_per_month;

describe('the price list: promotions a month', () => {
	it('a package priced without a quota gets the default: 8 in Pakiet 2 and 3, none in Pakiet 1', async () => {
		await addPrice(ctx, operator, {
			package: 'pakiet2',
			plan: 'monthly',
			gross: '5 500',
			vatRate: '23',
			validFrom: '2027-01-01'
		});
		await addPrice(ctx, operator, {
			package: 'pakiet1',
			plan: 'monthly',
			gross: '3 990',
			vatRate: '23',
			validFrom: '2027-02-01',
			promotionsPerMonth: ''
		});
		expect(await quota('pakiet2', 'monthly', '2027-01-01')).toBe(8);
		expect(await quota('pakiet1', 'monthly', '2027-02-01')).toBe(0);
	});

	it('the operator sets it, 0 to 100, on the announced row or a new one', async () => {
		await addPrice(ctx, operator, {
			package: 'pakiet3',
			plan: 'commitment',
			gross: '7 200',
			vatRate: '23',
			validFrom: '2027-01-01',
			promotionsPerMonth: '12'
		});
		expect(await quota('pakiet3', 'commitment', '2027-01-01')).toBe(12);
		await addPrice(ctx, operator, {
			package: 'pakiet3',
			plan: 'commitment',
			gross: '7 400',
			vatRate: '23',
			validFrom: '2027-07-01',
			promotionsPerMonth: 100
		});
		expect(await quota('pakiet3', 'commitment', '2027-07-01')).toBe(100);
		expect(await quota('pakiet3', 'commitment', '2027-01-01')).toBe(12);
	});

	it('refuses a quota out of range or not whole, changing nothing', async () => {
		const before = await listPrices(ctx.db);
		for (const promotionsPerMonth of ['-1', '101', '2,5', 'dużo'])
			await expect(
				addPrice(ctx, operator, {
					package: 'pakiet2',
					plan: 'commitment',
					gross: '4 990',
					vatRate: '23',
					validFrom: '2027-01-01',
					promotionsPerMonth
				})
			).rejects.toMatchObject({
				code: 'validation',
				message: 'Wyróżnienia w miesiącu: liczba całkowita od 0 do 100.',
				fields: { promotionsPerMonth: 'Wyróżnienia w miesiącu: liczba całkowita od 0 do 100.' }
			});
		expect(await listPrices(ctx.db)).toEqual(before);
	});
});
