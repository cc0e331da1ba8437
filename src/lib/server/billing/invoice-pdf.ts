import type { InvoiceParty } from '../db/schema';
import { PdfWriter } from '../documents/pdf';
import { formatMoney } from '../../format';
import { amountInWords, totalsByRate } from '../core/money';
import { splitPaymentRequired, type Invoice } from './invoices';
import { polishDate } from '../../dates';
import { qrModules, qrPng } from './ksef/qr';

/**
 * The KSeF verification codes to print (`ksef/qr.ts`): KOD I labelled with the KSeF number, or
 * "OFFLINE" before KSeF gives one; offline invoices also KOD II, labelled "CERTYFIKAT".
 */
export interface KsefCodes {
	kod1: { url: string; label: string };
	kod2?: { url: string; label: string };
}

/**
 * Points a QR module (0.62 mm), so that a phone reads a printout: the codes are as wide as the
 * larger one needs (KOD II with an RSA-2048 signature: 93 modules with the quiet zone, 163 pt).
 */
const QR_MODULE = 1.75;

const partyLines = (p: InvoiceParty) => [
	p.name,
	p.street,
	`${p.postalCode} ${p.city}`,
	`NIP: ${p.nip.replace(/^(\d{3})(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3-$4')}`
];
const account = (nrb: string) =>
	nrb.replace(/^(\d{2})(\d{4})(\d{4})(\d{4})(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3 $4 $5 $6 $7');

/** The invoice (or correction) as a tagged PDF with the same data as its FA(3) XML. */
export async function invoicePdf(
	inv: Invoice,
	corrected: Pick<Invoice, 'number' | 'issue_date'> | null = null,
	ksef?: KsefCodes
): Promise<Buffer> {
	const isKor = inv.kind === 'KOR';
	const title = `${isKor ? 'Faktura korygująca' : 'Faktura VAT'} nr ${inv.number}`;
	const pdf = new PdfWriter({ title, subject: `${title} – ${inv.buyer.name}`, author: inv.seller.name });
	pdf.title(
		title,
		isKor && corrected ? `do faktury nr ${corrected.number} z dnia ${polishDate(corrected.issue_date)}` : 'Oryginał'
	);
	pdf.table(
		[
			{ header: 'Data wystawienia', width: 0.25 },
			{ header: inv.period_start ? 'Okres świadczenia usługi' : 'Data sprzedaży', width: 0.35 },
			{ header: 'Termin płatności', width: 0.2 },
			{ header: 'Forma płatności', width: 0.2 }
		],
		[
			[
				polishDate(inv.issue_date),
				inv.period_start && inv.period_end
					? `${polishDate(inv.period_start)} – ${polishDate(inv.period_end)}`
					: polishDate(inv.sale_date),
				polishDate(inv.due_date),
				'przelew'
			]
		]
	);
	const parties: [string, InvoiceParty][] = [
		['Sprzedawca', inv.seller],
		['Nabywca', inv.buyer]
	];
	if (inv.receiver) parties.push(['Odbiorca', inv.receiver]);
	pdf.table(
		parties.map(([h]) => ({ header: h, width: 1 / parties.length })),
		[parties.map(([, p]) => partyLines(p).join('\n'))]
	);
	if (isKor && inv.reason) pdf.paragraph(`Przyczyna korekty: ${inv.reason}`, { bold: true });
	pdf.table(
		[
			{ header: 'Lp.', width: 0.05 },
			{ header: 'Nazwa usługi', width: 0.37 },
			{ header: 'Ilość', width: 0.06, align: 'right' },
			{ header: 'J.m.', width: 0.06 },
			{ header: 'Cena brutto', width: 0.12, align: 'right' },
			{ header: 'Netto', width: 0.11, align: 'right' },
			{ header: 'VAT', width: 0.06, align: 'right' },
			{ header: 'Kwota VAT', width: 0.08, align: 'right' },
			{ header: 'Brutto', width: 0.09, align: 'right' }
		],
		inv.lines.map((l, i) => [
			`${i + 1}.`,
			isKor ? `${l.before ? 'Przed korektą: ' : 'Po korekcie: '}${l.description}` : l.description,
			String(l.quantity),
			l.unit,
			formatMoney(Math.round(l.gross / l.quantity)),
			formatMoney(l.net),
			`${l.ratePercent}%`,
			formatMoney(l.vat),
			formatMoney(l.gross)
		])
	);
	const { byRate } = totalsByRate(
		inv.lines.map((l) => ({ gross: isKor && l.before ? -l.gross : l.gross, ratePercent: l.ratePercent }))
	);
	pdf.table(
		[
			{ header: 'Stawka VAT', width: 0.25 },
			{ header: 'Wartość netto', width: 0.25, align: 'right' },
			{ header: 'Kwota VAT', width: 0.25, align: 'right' },
			{ header: 'Wartość brutto', width: 0.25, align: 'right' }
		],
		[
			...[...byRate].map(([rate, a]) => [`${rate}%`, formatMoney(a.net), formatMoney(a.vat), formatMoney(a.gross)]),
			['Razem', formatMoney(inv.net), formatMoney(inv.vat), formatMoney(inv.gross)]
		],
		isKor ? 'Zmiana wartości (po korekcie minus przed korektą)' : 'Podsumowanie według stawek'
	);
	pdf.paragraph(`${inv.gross < 0 ? 'Do zwrotu' : 'Do zapłaty'}: ${formatMoney(Math.abs(inv.gross))}`, { bold: true });
	pdf.paragraph(`Słownie: ${amountInWords(Math.abs(inv.gross))}`);
	if (inv.gross > 0 && inv.seller.bankAccount)
		pdf.paragraph(
			`Rachunek sprzedawcy: ${account(inv.seller.bankAccount)}${inv.seller.bankName ? ` (${inv.seller.bankName})` : ''}${inv.seller.bankAccountNote ? ` — ${inv.seller.bankAccountNote}` : ''}. W tytule przelewu prosimy podać numer faktury.`
		);
	if (splitPaymentRequired(inv)) pdf.paragraph('mechanizm podzielonej płatności', { bold: true });
	if (inv.paid_at) pdf.paragraph(`Zapłacono ${polishDate(inv.paid_at.toISOString().slice(0, 10))}.`);
	pdf.paragraph(
		inv.ksef_number
			? `Numer KSeF: ${inv.ksef_number}`
			: 'Faktura ustrukturyzowana FA(3) przygotowana do wysłania do Krajowego Systemu e-Faktur.',
		{ muted: true }
	);
	if (ksef) {
		const codes = [
			{
				png: await qrPng(ksef.kod1.url),
				alt: 'Kod QR KOD I: weryfikacja faktury w KSeF',
				title: 'KOD I',
				label: ksef.kod1.label
			}
		];
		if (ksef.kod2)
			codes.push({
				png: await qrPng(ksef.kod2.url),
				alt: 'Kod QR KOD II: weryfikacja certyfikatu KSeF wystawcy',
				title: 'KOD II',
				label: ksef.kod2.label
			});
		const modules = Math.max(...[ksef.kod1, ksef.kod2].map((c) => (c ? qrModules(c.url) : 0)));
		const size = Math.max(100, modules * QR_MODULE);
		// The codes and the link below them stay together.
		pdf.ensureSpace(size + 80);
		pdf.imageRow(codes, size);
		pdf.link('Zweryfikuj fakturę w KSeF:', ksef.kod1.url, 'Weryfikacja faktury w Krajowym Systemie e-Faktur');
	}
	return pdf.finish(title, { numberFirstPage: true });
}
