import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Customer } from '../db/schema';
import { emailSchema, parseInput } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { assertOperator } from '../access/actor';
import { assertCoordinator } from '../access/office';
import { parseAmount } from '../core/money';
import { normalizeNip, normalizeRegon } from './identifiers';

export const customerSchema = z.object({
	municipalityCode: z
		.string({ error: 'Wybierz gminę.' })
		.trim()
		.regex(/^\d{7}$/, 'Kod TERYT gminy ma 7 cyfr, np. 1438053.'),
	legalName: z
		.string({ error: 'Podaj nazwę urzędową, np. Gmina Wiskitki.' })
		.trim()
		.min(3, 'Podaj nazwę urzędową, np. Gmina Wiskitki.')
		.max(200, 'Nazwa może mieć najwyżej 200 znaków.'),
	nip: z
		.string({ error: 'Podaj NIP.' })
		.trim()
		.transform(
			(v, ctx) =>
				normalizeNip(v) ??
				(ctx.addIssue({
					code: 'custom',
					message: 'To nie jest poprawny NIP — sprawdź cyfry (10 cyfr, ostatnia jest kontrolna).'
				}),
				z.NEVER)
		),
	regon: z
		.string({ error: 'Podaj REGON.' })
		.trim()
		.transform(
			(v, ctx) =>
				normalizeRegon(v) ??
				(ctx.addIssue({
					code: 'custom',
					message: 'To nie jest poprawny REGON — sprawdź cyfry (9 lub 14 cyfr, ostatnia jest kontrolna).'
				}),
				z.NEVER)
		),
	street: z
		.string({ error: 'Podaj ulicę i numer.' })
		.trim()
		.min(2, 'Podaj ulicę i numer.')
		.max(200, 'Adres może mieć najwyżej 200 znaków.'),
	postalCode: z
		.string({ error: 'Podaj kod pocztowy.' })
		.trim()
		.regex(/^\d{2}-\d{3}$/, 'Kod pocztowy ma postać 00-000.'),
	city: z
		.string({ error: 'Podaj miejscowość.' })
		.trim()
		.min(2, 'Podaj miejscowość.')
		.max(100, 'Miejscowość może mieć najwyżej 100 znaków.'),
	contactName: z
		.string({ error: 'Podaj osobę do kontaktu w urzędzie.' })
		.trim()
		.min(3, 'Podaj osobę do kontaktu w urzędzie.')
		.max(120, 'Najwyżej 120 znaków.'),
	contactEmail: emailSchema,
	contactPhone: z
		.string()
		.trim()
		.max(30, 'Numer telefonu może mieć najwyżej 30 znaków.')
		.regex(/^[+\d][\d\s-]{6,}$|^$/, 'Podaj numer telefonu, np. 46 856 45 00.')
		.default('')
});

/** The municipality's data as the columns of its `customers` row. */
export const customerColumns = (data: Omit<z.infer<typeof customerSchema>, 'municipalityCode'>) => ({
	legal_name: data.legalName,
	nip: data.nip,
	regon: data.regon,
	street: data.street,
	postal_code: data.postalCode,
	city: data.city,
	contact_name: data.contactName,
	contact_email: data.contactEmail,
	contact_phone: data.contactPhone
});

/** The operator records the municipality as a customer (one per municipality). */
export async function createCustomer(ctx: Ctx, actor: Actor | null, input: unknown): Promise<string> {
	assertOperator(actor);
	const data = parseInput(customerSchema, input);
	const municipality = await ctx.db
		.selectFrom('municipalities')
		.select('teryt_code')
		.where('teryt_code', '=', data.municipalityCode)
		.executeTakeFirst();
	if (!municipality)
		throw new AppError('validation', 'Nie ma gminy o takim kodzie TERYT.', {
			municipalityCode: 'Nie ma gminy o takim kodzie TERYT.'
		});
	const now = ctx.clock.now();
	const row = await ctx.db
		.insertInto('customers')
		.values({ municipality_code: data.municipalityCode, ...customerColumns(data), created_at: now, updated_at: now })
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!row)
		throw new AppError('conflict', 'Ta gmina albo ten NIP ma już konto klienta.', {
			nip: 'Ten NIP albo gmina ma już konto klienta.'
		});
	return row.id;
}

export async function updateCustomer(ctx: Ctx, actor: Actor | null, customerId: string, input: unknown): Promise<void> {
	assertOperator(actor);
	const data = parseInput(customerSchema.omit({ municipalityCode: true }), input);
	const r = await ctx.db
		.updateTable('customers')
		.set({ ...customerColumns(data), updated_at: ctx.clock.now() })
		.where('id', '=', customerId)
		.executeTakeFirst();
	if (!r.numUpdatedRows) throw notFound('Nie ma takiego klienta.');
}

const smsCapMessage = 'Limit SMS-ów wyróżnień: liczba całkowita od 0 do 100 000 na miesiąc.';
const smsSchema = z.object({
	enabled: z.boolean(),
	price: z
		.string({ error: 'Podaj cenę SMS-a netto, np. 0,16.' })
		.trim()
		.transform((v, ctx) => {
			const grosze = parseAmount(v);
			if (grosze === null || grosze < 0 || grosze > 1000) {
				ctx.addIssue({ code: 'custom', message: 'Podaj cenę SMS-a netto w złotych, od 0 do 10 zł, np. 0,16.' });
				return z.NEVER;
			}
			return grosze;
		}),
	promotionSmsCap: z.preprocess(
		(v) => (typeof v === 'string' ? v.replace(/\s/g, '') || undefined : v),
		z.coerce
			.number({ error: smsCapMessage })
			.int(smsCapMessage)
			.min(0, smsCapMessage)
			.max(100_000, smsCapMessage)
			.optional()
	)
});

/**
 * The operator decides whether the municipality sends alert SMS (it pays for them) and at what
 * net price per message: the alert's confirmation screen shows the cost at that price. With
 * Pakiet 3 SMS also go out for promoted posts, at most `promotionSmsCap` a month (0: none; left
 * as it is when not given).
 */
export async function setSmsSettings(ctx: Ctx, actor: Actor | null, municipalityCode: string, input: unknown) {
	assertOperator(actor);
	const data = parseInput(smsSchema, input);
	const r = await ctx.db
		.updateTable('customers')
		.set({
			sms_enabled: data.enabled,
			sms_price_grosze: data.price,
			...(data.promotionSmsCap === undefined ? {} : { promotion_sms_cap: data.promotionSmsCap }),
			updated_at: ctx.clock.now()
		})
		.where('municipality_code', '=', municipalityCode)
		.executeTakeFirst();
	if (!r.numUpdatedRows)
		throw new AppError('conflict', 'Najpierw załóż konto klienta gminy — SMS-y są na jego rachunek.');
}

export async function customerOf(ctx: Ctx, municipalityCode: string): Promise<Customer | undefined> {
	return ctx.db
		.selectFrom('customers')
		.selectAll()
		.where('municipality_code', '=', municipalityCode)
		.executeTakeFirst();
}

/** The operator names a coordinator of the municipality: a person with an account. */
export async function addCoordinator(
	ctx: Ctx,
	actor: Actor | null,
	municipalityCode: string,
	email: unknown
): Promise<void> {
	assertOperator(actor);
	const e = parseInput(emailSchema, email);
	const user = await ctx.db
		.selectFrom('users')
		.select('id')
		.where((eb) => eb(eb.fn('lower', ['email']), '=', e))
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	if (!user)
		throw new AppError('validation', 'Nie ma konta z tym adresem — poproś tę osobę o założenie konta.', {
			email: 'Nie ma konta z tym adresem.'
		});
	await ctx.db
		.insertInto('coordinators')
		.values({ municipality_code: municipalityCode, user_id: user.id })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

const receiverSchema = z.object({
	name: z
		.string({ error: 'Podaj nazwę odbiorcy.' })
		.trim()
		.min(3, 'Podaj nazwę jednostki, np. Urząd Miasta i Gminy Wiskitki.')
		.max(200, 'Nazwa może mieć najwyżej 200 znaków.'),
	nip: customerSchema.shape.nip,
	street: customerSchema.shape.street,
	postalCode: customerSchema.shape.postalCode,
	city: customerSchema.shape.city
});

/**
 * Where the municipality asks, its invoices name the unit that receives them (a JST's office or
 * another unit: FA(3) Podmiot3 with role 8). An empty name removes it. Coordinators and the operator.
 */
export async function setInvoiceReceiver(
	ctx: Ctx,
	actor: Actor | null,
	municipalityCode: string,
	input: Record<string, string | undefined>
): Promise<void> {
	await assertCoordinator(ctx, actor, municipalityCode);
	const customer = await customerOf(ctx, municipalityCode);
	if (!customer) throw notFound('Gmina nie ma jeszcze konta klienta.');
	const receiver = (input.name ?? '').trim() ? parseInput(receiverSchema, input) : null;
	await ctx.db
		.updateTable('customers')
		.set({ receiver: receiver ? JSON.stringify(receiver) : null, updated_at: ctx.clock.now() })
		.where('id', '=', customer.id)
		.execute();
}
