import type { InvoiceParty } from '../db/schema';
import { amountInWords, decimal, totalsByRate } from '../core/money';
import { splitPaymentRequired, type Invoice } from './invoices';

// The structured invoice FA(3) (schema 1-0E of 2025-06-25) that KSeF accepts. Prices are gross,
// so lines carry P_9B/P_11A; totals per rate go to P_13_x/P_14_x.
export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';

const escape = (s: string) =>
	s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const el = (name: string, value: string | number) => `<${name}>${escape(String(value))}</${name}>`;

/** P_13_1/P_14_1 for 23 %, P_13_2/P_14_2 for 8 %, P_13_3/P_14_3 for 5 %, P_13_6_1 for 0 %. */
const rateFields: Record<number, [string, string | null]> = {
	23: ['P_13_1', 'P_14_1'],
	22: ['P_13_1', 'P_14_1'],
	8: ['P_13_2', 'P_14_2'],
	7: ['P_13_2', 'P_14_2'],
	5: ['P_13_3', 'P_14_3'],
	0: ['P_13_6_1', null]
};

function address(p: InvoiceParty): string {
	return `<Adres>${el('KodKraju', 'PL')}${el('AdresL1', p.street)}${el('AdresL2', `${p.postalCode} ${p.city}`)}</Adres>`;
}

function party(p: InvoiceParty): string {
	return `<DaneIdentyfikacyjne>${el('NIP', p.nip)}${el('Nazwa', p.name)}</DaneIdentyfikacyjne>${address(p)}${p.email ? `<DaneKontaktowe>${el('Email', p.email)}</DaneKontaktowe>` : ''}`;
}

export function fa3Xml(
	inv: Invoice,
	corrected: Pick<Invoice, 'number' | 'issue_date' | 'ksef_number'> | null = null,
	createdAt = inv.created_at
): string {
	const signed = inv.lines.map((l) => ({
		gross: inv.kind === 'KOR' && l.before ? -l.gross : l.gross,
		ratePercent: l.ratePercent
	}));
	const { byRate } = totalsByRate(signed);
	const totals = [...byRate]
		.sort((a, b) => Object.keys(rateFields).indexOf(String(a[0])) - Object.keys(rateFields).indexOf(String(b[0])))
		.map(([rate, a]) => {
			const [netField, vatField] = rateFields[rate] ?? rateFields[23];
			return el(netField, decimal(a.net)) + (vatField ? el(vatField, decimal(a.vat)) : '');
		})
		.join('');
	const period =
		inv.period_start && inv.period_end
			? `<OkresFa>${el('P_6_Od', inv.period_start)}${el('P_6_Do', inv.period_end)}</OkresFa>`
			: el('P_6', inv.sale_date);
	const adnotacje = `<Adnotacje>${el('P_16', 2)}${el('P_17', 2)}${el('P_18', 2)}${el('P_18A', splitPaymentRequired(inv) ? 1 : 2)}<Zwolnienie>${el('P_19N', 1)}</Zwolnienie><NoweSrodkiTransportu>${el('P_22N', 1)}</NoweSrodkiTransportu>${el('P_23', 2)}<PMarzy>${el('P_PMarzyN', 1)}</PMarzy></Adnotacje>`;
	const correction =
		inv.kind === 'KOR' && corrected
			? `${inv.reason ? el('PrzyczynaKorekty', inv.reason) : ''}${el('TypKorekty', 2)}<DaneFaKorygowanej>${el('DataWystFaKorygowanej', corrected.issue_date)}${el('NrFaKorygowanej', corrected.number)}${corrected.ksef_number ? `${el('NrKSeF', 1)}${el('NrKSeFFaKorygowanej', corrected.ksef_number)}` : el('NrKSeFN', 1)}</DaneFaKorygowanej>`
			: '';
	const lines = inv.lines
		.map(
			(l, i) =>
				`<FaWiersz>${el('NrWierszaFa', i + 1)}${el('P_7', l.description)}${el('P_8A', l.unit)}${el('P_8B', l.quantity)}${el('P_9B', decimal(Math.round(l.gross / l.quantity)))}${el('P_11A', decimal(l.gross))}${el('P_12', l.ratePercent === 0 ? '0 WDT' : l.ratePercent)}${l.before ? el('StanPrzed', 1) : ''}</FaWiersz>`
		)
		.join('');
	const seller = inv.seller;
	const bank = seller.bankAccount
		? `<RachunekBankowy>${el('NrRB', seller.bankAccount)}${seller.bankName ? el('NazwaBanku', seller.bankName) : ''}${seller.bankAccountNote ? el('OpisRachunku', seller.bankAccountNote) : ''}</RachunekBankowy>`
		: '';
	const paid = inv.paid_at ? `${el('Zaplacono', 1)}${el('DataZaplaty', inv.paid_at.toISOString().slice(0, 10))}` : '';
	const payment =
		inv.gross > 0
			? `<Platnosc>${paid}<TerminPlatnosci>${el('Termin', inv.due_date)}</TerminPlatnosci>${el('FormaPlatnosci', 6)}${bank}</Platnosc>`
			: '';
	const receiver = inv.receiver ? `<Podmiot3>${party(inv.receiver)}${el('Rola', 8)}</Podmiot3>` : '';
	return `<?xml version="1.0" encoding="UTF-8"?>
<Faktura xmlns="${FA3_NAMESPACE}">
<Naglowek><KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza>${el('WariantFormularza', 3)}${el('DataWytworzeniaFa', createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'))}${el('SystemInfo', 'Tablica')}</Naglowek>
<Podmiot1>${party(inv.seller)}</Podmiot1>
<Podmiot2>${party(inv.buyer)}${el('JST', inv.receiver ? 1 : 2)}${el('GV', 2)}</Podmiot2>
${receiver}<Fa>${el('KodWaluty', 'PLN')}${el('P_1', inv.issue_date)}${el('P_2', inv.number)}${period}${totals}${el('P_15', decimal(inv.gross))}${adnotacje}${el('RodzajFaktury', inv.kind)}${correction}<DodatkowyOpis>${el('Klucz', 'Słownie')}${el('Wartosc', amountInWords(inv.gross))}</DodatkowyOpis>${lines}${payment}</Fa>
</Faktura>
`;
}
