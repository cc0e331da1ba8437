import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { PackageCode, Plan } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { assertOperator } from '../access/actor';
import { addDays, warsawDay } from '../../dates';
import { parseAmount } from '../core/money';

/** Pakiet 2 and 3 are announced, not sold, before this day. */
export const EXTENDED_PACKAGES_FROM = '2027-01-01';
export const packageLabels: Record<PackageCode, string> = {
	pakiet1: 'Pakiet nr 1',
	pakiet2: 'Pakiet nr 2',
	pakiet3: 'Pakiet nr 3'
};
/** What each package is, in a line (invoice lines, the contract's title). */
export const packageScopes: Record<PackageCode, string> = {
	pakiet1: 'publikowanie treści',
	pakiet2: 'publikowanie i wzmocnienie treści',
	pakiet3: 'publikowanie, wzmocnienie i zasięg regionalny treści'
};
export const planLabels: Record<Plan, string> = {
	monthly: 'miesięczny, bez zobowiązania',
	commitment: 'z zobowiązaniem (min. 6 miesięcy)'
};

const monthsGenitive = [
	'stycznia',
	'lutego',
	'marca',
	'kwietnia',
	'maja',
	'czerwca',
	'lipca',
	'sierpnia',
	'września',
	'października',
	'listopada',
	'grudnia'
];
/** "1 stycznia 2027 roku" */
export const longDate = (day: string) =>
	`${Number(day.slice(8, 10))} ${monthsGenitive[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)} roku`;

/**
 * Whether Pakiet 2 and 3 are sold, in words for the offer, as of `today`: the text turns by itself
 * on EXTENDED_PACKAGES_FROM ("będą dostępne od …" before, "są dostępne od …" from that day).
 */
export const extendedPackagesAvailability = (today: string) =>
	`${today < EXTENDED_PACKAGES_FROM ? 'będą dostępne' : 'są dostępne'} od ${longDate(EXTENDED_PACKAGES_FROM)}`;

/** The list's monthly gross prices of a package from the day it is sold (or today, if later). */
export async function packageListPrices(
	db: Db,
	pkg: PackageCode,
	today: string
): Promise<{ monthly: number | null; commitment: number | null }> {
	const day = pkg === 'pakiet1' || today >= EXTENDED_PACKAGES_FROM ? today : EXTENDED_PACKAGES_FROM;
	const [monthly, commitment] = await Promise.all([
		listPrice(db, pkg, 'monthly', day),
		listPrice(db, pkg, 'commitment', day)
	]);
	return { monthly: monthly?.gross ?? null, commitment: commitment?.gross ?? null };
}

export interface Price {
	gross: number;
	ratePercent: number;
	/** Where it comes from: the price list or the customer's own terms. */
	source: 'list' | 'terms';
	note: string | null;
}

/** May `pkg` be ordered on `day`? Pakiet 2 and 3 only from January 2027 and once priced. */
export async function orderable(db: Db, pkg: PackageCode, plan: Plan, day: string): Promise<boolean> {
	if (pkg !== 'pakiet1' && day < EXTENDED_PACKAGES_FROM) return false;
	const p = await listPrice(db, pkg, plan, day);
	return !!p?.gross;
}

/**
 * May this customer have `pkg` from `day`? As `orderable`, or on the customer's own terms for that
 * package (the operator may sell a package early that way, as a pilot).
 */
export async function availableTo(
	db: Db,
	customerId: string | null,
	pkg: PackageCode,
	plan: Plan,
	day: string
): Promise<boolean> {
	if (await orderable(db, pkg, plan, day)) return true;
	if (!customerId) return false;
	const terms = await db
		.selectFrom('customer_terms')
		.select('id')
		.where('customer_id', '=', customerId)
		.where('package', '=', pkg)
		.where('valid_from', '<=', day)
		.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
		.executeTakeFirst();
	return !!terms;
}

async function listPrice(db: Db, pkg: PackageCode, plan: Plan, day: string) {
	return db
		.selectFrom('prices')
		.select(['gross', 'vat_rate'])
		.where('package', '=', pkg)
		.where('plan', '=', plan)
		.where('valid_from', '<=', day)
		.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
		.orderBy('valid_from', 'desc')
		.executeTakeFirst();
}

/**
 * The monthly gross price a customer pays for a package on `day`: its own terms for that package,
 * else the list (Pakiet 1 when not named).
 */
export async function priceFor(
	db: Db,
	customerId: string,
	plan: Plan,
	day: string,
	pkg: PackageCode = 'pakiet1'
): Promise<Price> {
	const terms = await db
		.selectFrom('customer_terms')
		.select(['gross', 'vat_rate', 'note'])
		.where('customer_id', '=', customerId)
		.where('package', '=', pkg)
		.where('valid_from', '<=', day)
		.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
		.orderBy('valid_from', 'desc')
		.executeTakeFirst();
	if (terms) return { gross: terms.gross, ratePercent: terms.vat_rate, source: 'terms', note: terms.note };
	const p = await listPrice(db, pkg, plan, day);
	if (!p?.gross)
		throw new AppError(
			'conflict',
			`W cenniku nie ma ceny ${packageGenitive[pkg]} (${planLabels[plan]}) na dzień ${day}.`
		);
	return { gross: p.gross, ratePercent: p.vat_rate, source: 'list', note: null };
}

const packageGenitive: Record<PackageCode, string> = {
	pakiet1: 'Pakietu nr 1',
	pakiet2: 'Pakietu nr 2',
	pakiet3: 'Pakietu nr 3'
};

export interface OrderOption {
	package: PackageCode;
	plan: Plan;
	gross: number;
}

/** What can be ordered to start on `day`, with the list's monthly gross prices (the `orderable` rule). */
export async function orderOptions(db: Db, day: string): Promise<OrderOption[]> {
	const options: OrderOption[] = [];
	for (const pkg of ['pakiet1', 'pakiet2', 'pakiet3'] as const)
		for (const plan of ['commitment', 'monthly'] as const) {
			if (pkg !== 'pakiet1' && day < EXTENDED_PACKAGES_FROM) continue;
			const p = await listPrice(db, pkg, plan, day);
			if (p?.gross) options.push({ package: pkg, plan, gross: p.gross });
		}
	return options;
}

/** Pakiet 1's list prices on a day (for the contract template). */
export async function package1ListPrices(
	db: Db,
	day: string
): Promise<{ monthly: number | null; commitment: number | null }> {
	const [monthly, commitment] = await Promise.all([
		listPrice(db, 'pakiet1', 'monthly', day),
		listPrice(db, 'pakiet1', 'commitment', day)
	]);
	return { monthly: monthly?.gross ?? null, commitment: commitment?.gross ?? null };
}

export async function listPrices(db: Db) {
	return db
		.selectFrom('prices')
		.select(['id', 'package', 'plan', 'gross', 'vat_rate', 'valid_from', 'valid_to', 'promotions_per_month'])
		.orderBy('package')
		.orderBy('plan')
		.orderBy('valid_from', 'desc')
		.execute();
}

const promotionsMessage = 'Wyróżnienia w miesiącu: liczba całkowita od 0 do 100.';
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Podaj datę w postaci RRRR-MM-DD.');
const priceInput = z.object({
	package: z.enum(['pakiet1', 'pakiet2', 'pakiet3'], { error: 'Wybierz pakiet.' }),
	plan: z.enum(['monthly', 'commitment'], { error: 'Wybierz wariant.' }),
	gross: z.string({ error: 'Podaj cenę brutto.' }),
	vatRate: z.coerce
		.number({ error: 'Podaj stawkę VAT.' })
		.refine((v) => [23, 8, 5, 0].includes(v), 'Stawka VAT: 23, 8, 5 albo 0%.'),
	validFrom: day,
	promotionsPerMonth: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z.coerce
			.number({ error: promotionsMessage })
			.int(promotionsMessage)
			.min(0, promotionsMessage)
			.max(100, promotionsMessage)
			.optional()
	)
});

/** Promotions a month a package gives when the operator does not say: none in Pakiet 1. */
export const defaultPromotionsPerMonth = (pkg: PackageCode) => (pkg === 'pakiet1' ? 0 : 8);

/**
 * A new price from a day on: the previous one ends the day before. The past is never rewritten:
 * the day must be later than today and later than the newest price of that package and plan.
 */
export async function addPrice(ctx: Ctx, actor: Actor | null, input: unknown): Promise<void> {
	assertOperator(actor);
	const data = parseInput(priceInput, input);
	const promotionsPerMonth = data.promotionsPerMonth ?? defaultPromotionsPerMonth(data.package);
	const gross = parseAmount(data.gross);
	if (!gross)
		throw new AppError('validation', 'Podaj cenę brutto w złotych, np. 3 850,00.', {
			gross: 'Podaj cenę brutto w złotych, np. 3 850,00.'
		});
	const today = warsawDay(ctx.clock.now());
	if (data.validFrom <= today)
		throw new AppError(
			'validation',
			'Nowa cena może obowiązywać najwcześniej od jutra; faktur już wystawionych to nie zmienia.',
			{ validFrom: 'Podaj datę od jutra.' }
		);
	await ctx.db.transaction().execute(async (tx) => {
		const newest = await tx
			.selectFrom('prices')
			.select(['id', 'valid_from', 'gross'])
			.where('package', '=', data.package)
			.where('plan', '=', data.plan)
			.orderBy('valid_from', 'desc')
			.forUpdate()
			.executeTakeFirst();
		// An announced package without a price yet (Pakiet 2 and 3 from 2027): its price from that day.
		if (newest && newest.gross === null && newest.valid_from === data.validFrom) {
			await tx
				.updateTable('prices')
				.set({
					gross,
					vat_rate: data.vatRate,
					promotions_per_month: promotionsPerMonth,
					created_by: actor.id,
					created_at: ctx.clock.now()
				})
				.where('id', '=', newest.id)
				.execute();
			return;
		}
		if (newest && newest.valid_from >= data.validFrom)
			throw new AppError('conflict', `Ta cena ma już zmianę od ${newest.valid_from}; nowa musi obowiązywać później.`, {
				validFrom: 'Podaj późniejszą datę.'
			});
		if (newest)
			await tx
				.updateTable('prices')
				.set({ valid_to: addDays(data.validFrom, -1) })
				.where('id', '=', newest.id)
				.execute();
		await tx
			.insertInto('prices')
			.values({
				package: data.package,
				plan: data.plan,
				gross,
				vat_rate: data.vatRate,
				promotions_per_month: promotionsPerMonth,
				valid_from: data.validFrom,
				valid_to: null,
				created_by: actor.id,
				created_at: ctx.clock.now()
			})
			.execute();
	});
}

const termsInput = z.object({
	package: z.enum(['pakiet1', 'pakiet2', 'pakiet3'], { error: 'Wybierz pakiet.' }).default('pakiet1'),
	gross: z.string({ error: 'Podaj cenę brutto.' }),
	note: z
		.string({ error: 'Opisz warunki.' })
		.trim()
		.min(3, 'Opisz warunki (np. „3 grupy, umowa ramowa”).')
		.max(300, 'Opis może mieć najwyżej 300 znaków.'),
	validFrom: day,
	validTo: day.optional().or(z.literal('').transform(() => undefined))
});

/**
 * Individual terms (several groups, an individual price) that override the list for a customer's
 * package (Pakiet 1 when not named); the operator may sell Pakiet 2 or 3 early this way (a pilot).
 */
export async function addCustomerTerms(
	ctx: Ctx,
	actor: Actor | null,
	customerId: string,
	input: unknown
): Promise<void> {
	assertOperator(actor);
	const data = parseInput(termsInput, input);
	const gross = parseAmount(data.gross);
	if (!gross)
		throw new AppError('validation', 'Podaj cenę brutto w złotych, np. 3 200,00.', {
			gross: 'Podaj cenę brutto w złotych.'
		});
	if (data.validTo && data.validTo < data.validFrom)
		throw new AppError('validation', 'Koniec nie może być przed początkiem.', {
			validTo: 'Koniec nie może być przed początkiem.'
		});
	const customer = await ctx.db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
	if (!customer) throw new AppError('not_found', 'Nie ma takiego klienta.');
	await ctx.db
		.insertInto('customer_terms')
		.values({
			customer_id: customerId,
			package: data.package,
			gross,
			vat_rate: 23,
			note: data.note,
			valid_from: data.validFrom,
			valid_to: data.validTo ?? null,
			created_by: actor.id,
			created_at: ctx.clock.now()
		})
		.execute();
}
