import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { InvoiceParty } from '../db/schema';
import { emailSchema, parseInput } from '../core/validation';
import { assertOperator } from '../access/actor';
import { AppError } from '../core/errors';
import { customerSchema } from '../subscriptions/customers';

/**
 * The seller as the offer names it. No bank account: the operator sets the real one (`setSeller`,
 * /admin/faktury); until then no invoice is issued (`sellerForInvoice`), so none prints an invented one.
 */
export const defaultSeller: InvoiceParty = {
	name: 'PL-MEDIA',
	nip: '1181610440',
	street: 'Laski',
	postalCode: '05-080',
	city: 'Izabelin',
	email: 'jst@pl-media.pl'
};

/** The demo's account: all zeros but the check digits (a valid checksum, no bank), labelled on every invoice. */
export const demoBankAccount = {
	bankAccount: '04000000000000000000000000',
	bankAccountNote: 'konto fikcyjne — tryb demonstracyjny'
};

export const SELLER_ACCOUNT_MISSING =
	'Nie można wystawić faktury: operator nie ustawił jeszcze numeru rachunku bankowego sprzedawcy (Administracja → Faktury → Dane sprzedawcy).';

export async function sellerParty(db: Db): Promise<InvoiceParty> {
	const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'seller').executeTakeFirst();
	return row ? { ...defaultSeller, ...(row.value as Partial<InvoiceParty>) } : defaultSeller;
}

/** The seller for a new invoice; refused (code `seller_account_missing`) while the operator has not set the account. */
export async function sellerForInvoice(db: Db): Promise<InvoiceParty> {
	const seller = await sellerParty(db);
	if (!seller.bankAccount) throw new AppError('seller_account_missing', SELLER_ACCOUNT_MISSING);
	return seller;
}

/** The demo's seller data: the offer's name and address with the fictitious, labelled account. */
export async function setDemoSeller(db: Db): Promise<void> {
	const value = JSON.stringify({ ...defaultSeller, ...demoBankAccount });
	await db
		.insertInto('app_settings')
		.values({ key: 'seller', value })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
}

/** A Polish bank account number (NRB, 26 digits; "PL", spaces and dashes allowed) with a valid IBAN check, or null. */
export function normalizeNrb(text: string): string | null {
	const digits = text.replace(/[\s-]/g, '').replace(/^PL/i, '');
	if (!/^\d{26}$/.test(digits)) return null;
	// IBAN check: the account without its check digits, then "PL" as 2521 and the check digits, mod 97 = 1.
	const rearranged = `${digits.slice(2)}2521${digits.slice(0, 2)}`;
	let rest = 0;
	for (const ch of rearranged) rest = (rest * 10 + Number(ch)) % 97;
	return rest === 1 ? digits : null;
}

const sellerSchema = z.object({
	name: z
		.string({ error: 'Podaj nazwę sprzedawcy.' })
		.trim()
		.min(2, 'Podaj nazwę sprzedawcy.')
		.max(200, 'Najwyżej 200 znaków.'),
	nip: customerSchema.shape.nip,
	street: customerSchema.shape.street,
	postalCode: customerSchema.shape.postalCode,
	city: customerSchema.shape.city,
	email: emailSchema,
	bankAccount: z.string({ error: 'Podaj numer rachunku.' }).transform(
		(v, c) =>
			normalizeNrb(v) ??
			(c.addIssue({
				code: 'custom',
				message: 'To nie jest poprawny numer rachunku (26 cyfr, sprawdź cyfry kontrolne).'
			}),
			z.NEVER)
	),
	bankName: z.string().trim().max(200, 'Najwyżej 200 znaków.').default('')
});

/** The operator's seller data for new invoices (issued ones keep theirs). */
export async function setSeller(ctx: Ctx, actor: Actor | null, input: unknown): Promise<InvoiceParty> {
	assertOperator(actor);
	const data = parseInput(sellerSchema, input);
	const seller: InvoiceParty = { ...data, bankName: data.bankName || undefined };
	await ctx.db
		.insertInto('app_settings')
		.values({ key: 'seller', value: JSON.stringify(seller) })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(seller) }))
		.execute();
	return seller;
}
