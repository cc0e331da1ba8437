import type { Db } from '../db/database';
import type { InvoiceParty } from '../db/schema';

/** The seller as the offer names it; the operator may store other data under app_settings "seller". */
export const defaultSeller: InvoiceParty = {
	name: 'PL-MEDIA',
	nip: '1181610440',
	street: 'Laski',
	postalCode: '05-080',
	city: 'Izabelin',
	email: 'jst@pl-media.pl',
	bankAccount: '61109010140000071219812874',
	bankName: 'Santander Bank Polska S.A.'
};

export async function sellerParty(db: Db): Promise<InvoiceParty> {
	const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'seller').executeTakeFirst();
	return row ? { ...defaultSeller, ...(row.value as Partial<InvoiceParty>) } : defaultSeller;
}
