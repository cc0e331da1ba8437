import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { createGroup, getGroup } from '../groups/groups';
import { activatePackage, loadDemoMunicipalities, makeUser, openTestDatabase, testCtx } from '../testing/fixtures';
import { fa3Xml } from './fa3';
import { validateFa3 } from './fa3-validate';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import AdmZip from 'adm-zip';
import { invoicePdf } from './invoice-pdf';
import {
	customerInvoices,
	insertInvoice,
	invoiceForReader,
	issueCorrection,
	issueDueInvoices,
	issuePeriodInvoice,
	markPaid,
	remindOverdue,
	splitPaymentRequired,
	type Invoice
} from './invoices';
import { setInvoiceReceiver } from '../subscriptions/customers';
import { ksefBatch, markSentToKsef, recordKsefNumber } from './ksef/manual';
import { defaultSeller, demoBankAccount, normalizeNrb, sellerParty, setDemoSeller, setSeller } from './seller';
import { addCustomerTerms, addPrice, orderable, priceFor } from '../subscriptions/prices';

const referenceDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
const schemaHere = existsSync(path.join(referenceDir, 'ksef', 'schemat_FA3_v1-0E.xsd'));

let database: Database;
let ctx: Ctx;
let clock: ReturnType<typeof testCtx>['clock'];
let operator: Actor, resident: Actor;
let group: Group;
let customerId: string;
let subscriptionId: string;
const produced: { what: string; xml: string }[] = [];

beforeAll(async () => {
	database = await openTestDatabase();
	({ ctx, clock } = testCtx(database, '2026-11-01T09:00:00Z'));
	await loadDemoMunicipalities(ctx);
	operator = await makeUser(ctx, 'op@t.pl', { operator: true });
	resident = await makeUser(ctx, 'jan@t.pl');
	await createGroup(ctx, operator, {
		slug: 'wiskitki',
		municipalityCode: '1438053',
		name: 'Wiskitki – forum mieszkańców gminy',
		membershipQuestion: 'Czy mieszkasz w gminie?'
	});
	group = await getGroup(ctx.db, 'wiskitki');
	await activatePackage(ctx, operator, group);
	customerId = (await ctx.db.selectFrom('customers').select('id').executeTakeFirstOrThrow()).id;
	subscriptionId = (await ctx.db.selectFrom('subscriptions').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => database?.close());

const xmlOf = async (inv: Invoice) => {
	const corrected = inv.corrects_id
		? await ctx.db
				.selectFrom('invoices')
				.select(['number', 'issue_date', 'ksef_number'])
				.where('id', '=', inv.corrects_id)
				.executeTakeFirstOrThrow()
		: null;
	return fa3Xml(inv, corrected);
};

describe('no invented bank account', () => {
	it('until the operator sets the seller’s account, no invoice is issued and nothing is written', async () => {
		expect(defaultSeller.bankAccount).toBeUndefined();
		await expect(issuePeriodInvoice(ctx, subscriptionId, '2026-11-01')).rejects.toMatchObject({
			code: 'seller_account_missing',
			message: expect.stringContaining('rachunku bankowego sprzedawcy')
		});
		expect(await issueDueInvoices(ctx)).toEqual([]);
		expect(await ctx.db.selectFrom('invoices').select('id').execute()).toEqual([]);
		// The demo's account: a valid checksum, no bank behind it, and labelled as fictitious.
		expect(normalizeNrb(`PL${demoBankAccount.bankAccount}`)).toBe(demoBankAccount.bankAccount);
		await setDemoSeller(ctx.db);
		expect(await sellerParty(ctx.db)).toEqual({ ...defaultSeller, ...demoBankAccount });
	});
});

describe('prices', () => {
	it('the list with validity dates; individual terms override it; Pakiet 2 and 3 not before 2027', async () => {
		expect(await priceFor(ctx.db, customerId, 'monthly', '2026-11-01')).toMatchObject({
			gross: 385_000,
			ratePercent: 23,
			source: 'list'
		});
		expect(await priceFor(ctx.db, customerId, 'commitment', '2026-11-01')).toMatchObject({ gross: 350_000 });
		expect(await orderable(ctx.db, 'pakiet1', 'monthly', '2026-11-01')).toBe(true);
		expect(await orderable(ctx.db, 'pakiet2', 'monthly', '2026-12-31')).toBe(false);
		// From 2027 Pakiet 2 is orderable once the operator prices it.
		expect(await orderable(ctx.db, 'pakiet2', 'monthly', '2027-01-02')).toBe(false);
		await addPrice(ctx, operator, {
			package: 'pakiet2',
			plan: 'monthly',
			gross: '5 900,00',
			vatRate: '23',
			validFrom: '2027-01-02'
		});
		expect(await orderable(ctx.db, 'pakiet2', 'monthly', '2027-01-02')).toBe(true);
		// Validation and authorization change nothing.
		const before = await ctx.db.selectFrom('prices').selectAll().execute();
		await expect(
			addPrice(ctx, resident, {
				package: 'pakiet1',
				plan: 'monthly',
				gross: '4000',
				vatRate: '23',
				validFrom: '2027-01-01'
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			addPrice(ctx, null, {
				package: 'pakiet1',
				plan: 'monthly',
				gross: '4000',
				vatRate: '23',
				validFrom: '2027-01-01'
			})
		).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(
			addPrice(ctx, operator, {
				package: 'pakiet1',
				plan: 'monthly',
				gross: 'dużo',
				vatRate: '23',
				validFrom: '2027-01-01'
			})
		).rejects.toMatchObject({ code: 'validation' });
		await expect(
			addPrice(ctx, operator, {
				package: 'pakiet1',
				plan: 'monthly',
				gross: '4000',
				vatRate: '23',
				validFrom: '2026-11-01'
			})
		).rejects.toMatchObject({ code: 'validation' });
		await expect(
			addPrice(ctx, operator, {
				package: 'pakiet1',
				plan: 'monthly',
				gross: '4000',
				vatRate: '19',
				validFrom: '2027-01-01'
			})
		).rejects.toMatchObject({ code: 'validation' });
		expect(await ctx.db.selectFrom('prices').selectAll().execute()).toEqual(before);
		// A new list price from 2027: the old one ends on 31 December.
		await addPrice(ctx, operator, {
			package: 'pakiet1',
			plan: 'monthly',
			gross: '3 990',
			vatRate: '23',
			validFrom: '2027-01-01'
		});
		expect(await priceFor(ctx.db, customerId, 'monthly', '2026-12-31')).toMatchObject({ gross: 385_000 });
		expect(await priceFor(ctx.db, customerId, 'monthly', '2027-01-01')).toMatchObject({ gross: 399_000 });
		await expect(
			addPrice(ctx, operator, {
				package: 'pakiet1',
				plan: 'monthly',
				gross: '3 900',
				vatRate: '23',
				validFrom: '2026-12-15'
			})
		).rejects.toMatchObject({ code: 'conflict' });
		// Individual terms for this customer in 2027.
		await addCustomerTerms(ctx, operator, customerId, {
			gross: '3 200,00',
			note: 'Trzy grupy, umowa ramowa',
			validFrom: '2027-01-01',
			validTo: ''
		});
		expect(await priceFor(ctx.db, customerId, 'monthly', '2027-02-01')).toMatchObject({
			gross: 320_000,
			source: 'terms',
			note: 'Trzy grupy, umowa ramowa'
		});
		await expect(
			addCustomerTerms(ctx, operator, customerId, { gross: '3 200', note: 'x', validFrom: '2027-01-01' })
		).rejects.toMatchObject({ code: 'validation' });
	});
});

describe('invoices', () => {
	it('the first day of a period: one invoice with the number, dates, amounts and the service line', async () => {
		const inv = await issuePeriodInvoice(ctx, subscriptionId, '2026-11-01');
		expect(inv).toMatchObject({
			number: 'FV/2026/11/0001',
			kind: 'VAT',
			issue_date: '2026-11-01',
			sale_date: '2026-11-30',
			due_date: '2026-11-15',
			period_start: '2026-11-01',
			period_end: '2026-11-30',
			net: 313_008,
			vat: 71_992,
			gross: 385_000
		});
		expect(inv.lines[0].description).toBe(
			'Pakiet nr 1 – publikowanie treści w grupie „Wiskitki – forum mieszkańców gminy”, okres 01.11.2026–30.11.2026'
		);
		expect(inv.buyer).toMatchObject({ name: 'Gmina Wiskitki', nip: '8381574008' });
		expect(await xmlOf(inv)).toContain(
			'<RachunekBankowy><NrRB>04000000000000000000000000</NrRB><OpisRachunku>konto fikcyjne — tryb demonstracyjny</OpisRachunku></RachunekBankowy>'
		);
		expect((await issuePeriodInvoice(ctx, subscriptionId, '2026-11-01')).id).toBe(inv.id);
		await expect(issuePeriodInvoice(ctx, subscriptionId, '2026-11-05')).rejects.toMatchObject({ code: 'validation' });
		produced.push({ what: 'VAT', xml: await xmlOf(inv) });
	});

	it('the split-payment note only for annex-15 services above 15 000 zł (the package is not one)', async () => {
		expect(splitPaymentRequired({ gross: 1_500_001 }, true)).toBe(true);
		expect(splitPaymentRequired({ gross: 1_500_000 }, true)).toBe(false);
		expect(splitPaymentRequired({ gross: 9_000_000 })).toBe(false);
		const inv = await ctx.db
			.selectFrom('invoices')
			.selectAll()
			.where('number', '=', 'FV/2026/11/0001')
			.executeTakeFirstOrThrow();
		expect(fa3Xml(inv)).toContain('<P_18A>2</P_18A>');
	});

	it('the job issues each due period once; the next month gets the next number', async () => {
		expect(await issueDueInvoices(ctx)).toEqual([]);
		clock.set('2026-12-01T06:00:00Z');
		const [dec] = await issueDueInvoices(ctx);
		expect(dec).toMatchObject({ number: 'FV/2026/12/0002', period_start: '2026-12-01', gross: 385_000 });
		expect(await issueDueInvoices(ctx)).toEqual([]);
	});

	it('20 invoices issued at once get 20 consecutive numbers, no gaps, no duplicates', async () => {
		const { buyer } = {
			buyer: {
				name: 'Gmina Wiskitki',
				nip: '8381574008',
				street: 'ul. Kościuszki 1',
				postalCode: '96-315',
				city: 'Wiskitki'
			}
		};
		const issued = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				ctx.db.transaction().execute((tx) =>
					insertInvoice(tx, ctx, {
						kind: 'VAT',
						customerId,
						issueDate: '2026-12-02',
						saleDate: '2026-12-02',
						buyer,
						lines: [{ description: `Usługa ${i}`, quantity: 1, unit: 'usł.', gross: 10_000 + i, ratePercent: 23 }]
					})
				)
			)
		);
		const seqs = issued.map((x) => x.seq).sort((a, b) => a - b);
		expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => 3 + i));
		expect(new Set(issued.map((x) => x.number)).size).toBe(20);
		// A failed transaction gives its number back.
		await expect(
			ctx.db.transaction().execute(async (tx) => {
				await insertInvoice(tx, ctx, {
					kind: 'VAT',
					customerId,
					issueDate: '2026-12-02',
					saleDate: '2026-12-02',
					buyer,
					lines: [{ description: 'x', quantity: 1, unit: 'usł.', gross: 100, ratePercent: 23 }]
				});
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		const next = await ctx.db.transaction().execute((tx) =>
			insertInvoice(tx, ctx, {
				kind: 'VAT',
				customerId,
				issueDate: '2026-12-03',
				saleDate: '2026-12-03',
				buyer,
				lines: [{ description: 'y', quantity: 1, unit: 'usł.', gross: 100, ratePercent: 23 }]
			})
		);
		expect(next.number).toBe('FV/2026/12/0023');
	});

	it('with the receiving unit (Podmiot3, role 8) and a correction (KOR) as the FA(3) structure', async () => {
		const receiver = {
			name: 'Urząd Miasta i Gminy Wiskitki',
			nip: '838-157-40-08',
			street: 'ul. Kościuszki 1',
			postalCode: '96-315',
			city: 'Wiskitki'
		};
		await expect(setInvoiceReceiver(ctx, resident, '1438053', receiver)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setInvoiceReceiver(ctx, operator, '1438053', { ...receiver, nip: '123' })).rejects.toMatchObject({
			code: 'validation'
		});
		await setInvoiceReceiver(ctx, operator, '1438053', receiver);
		clock.set('2027-01-01T06:00:00Z');
		const [jan] = await issueDueInvoices(ctx);
		// Individual terms apply from 2027.
		expect(jan).toMatchObject({
			number: 'FV/2027/01/0001',
			gross: 320_000,
			receiver: { name: 'Urząd Miasta i Gminy Wiskitki' }
		});
		const xml = await xmlOf(jan);
		expect(xml).toContain('<Podmiot3><DaneIdentyfikacyjne><NIP>8381574008</NIP>');
		expect(xml).toContain('<Rola>8</Rola>');
		expect(xml).toContain('<JST>1</JST>');
		produced.push({ what: 'VAT with Podmiot3', xml });
		const line = jan.lines[0];
		const kor = await ctx.db.transaction().execute((tx) =>
			insertInvoice(tx, ctx, {
				kind: 'KOR',
				customerId,
				correctsId: jan.id,
				subscriptionId: null,
				period: { start: jan.period_start!, end: jan.period_end! },
				issueDate: '2027-01-10',
				saleDate: jan.sale_date,
				buyer: jan.buyer,
				receiver: jan.receiver,
				reason: 'Zmiana ceny',
				lines: [
					{ ...line, before: true },
					{ ...line, gross: 300_000 }
				]
			})
		);
		expect(kor).toMatchObject({ number: 'KOR/2027/01/0001', gross: -20_000 });
		expect(kor.net + kor.vat).toBe(kor.gross);
		const korXml = await xmlOf(kor);
		expect(korXml).toContain('<RodzajFaktury>KOR</RodzajFaktury>');
		expect(korXml).toContain(`<NrFaKorygowanej>${jan.number}</NrFaKorygowanej>`);
		expect(korXml).toContain('<StanPrzed>1</StanPrzed>');
		produced.push({ what: 'KOR', xml: korXml });
	});

	it('the operator corrects a period invoice: a cancellation mid-period charges the days used', async () => {
		const dec = await ctx.db
			.selectFrom('invoices')
			.selectAll()
			.where('number', '=', 'FV/2026/12/0002')
			.executeTakeFirstOrThrow();
		await expect(
			issueCorrection(ctx, resident, dec.id, { kind: 'cancel', lastDay: '2026-12-10' })
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			issueCorrection(ctx, operator, dec.id, { kind: 'cancel', lastDay: '2027-01-10' })
		).rejects.toMatchObject({ code: 'validation' });
		await expect(issueCorrection(ctx, operator, dec.id, { kind: 'price', gross: '3 850,00' })).rejects.toMatchObject({
			code: 'validation'
		});
		await expect(issueCorrection(ctx, operator, dec.id, { kind: 'nothing' })).rejects.toMatchObject({
			code: 'validation'
		});
		// 1–10 December of 31 days: 10/31 of 3 850,00 zł = 1 241,94 zł; the correction is the difference.
		const kor = await issueCorrection(ctx, operator, dec.id, { kind: 'cancel', lastDay: '2026-12-10' });
		expect(kor).toMatchObject({ kind: 'KOR', reason: 'Rezygnacja z usługi od 11.12.2026', gross: 124_194 - 385_000 });
		expect(kor.lines.map((l) => [l.before ?? false, l.gross])).toEqual([
			[true, 385_000],
			[false, 124_194]
		]);
		await expect(issueCorrection(ctx, operator, dec.id, { kind: 'price', gross: '3000' })).rejects.toMatchObject({
			code: 'conflict'
		});
		await expect(issueCorrection(ctx, operator, kor.id, { kind: 'price', gross: '3000' })).rejects.toMatchObject({
			code: 'conflict'
		});
		produced.push({ what: 'KOR cancellation', xml: await xmlOf(kor) });
	});

	it.skipIf(!schemaHere)(
		'every invoice and correction produced here validates against the official FA(3) schema (xmllint)',
		() => {
			expect(produced.map((p) => p.what)).toEqual(['VAT', 'VAT with Podmiot3', 'KOR', 'KOR cancellation']);
			for (const p of produced) {
				const r = validateFa3(p.xml, referenceDir);
				expect(r, 'xmllint (Debian libxml2-utils) must be installed').not.toBeNull();
				expect(r!.output, p.what).toContain('validates');
				expect(r!.ok, `${p.what}: ${r!.output}`).toBe(true);
			}
			// The check can fail: an invoice without its number (P_2) is refused.
			const broken = validateFa3(produced[0].xml.replace(/<P_2>[^<]*<\/P_2>/, ''), referenceDir);
			expect(broken!.ok).toBe(false);
			expect(broken!.output).toMatch(/P_2|fails to validate/);
		}
	);

	it('the PDF has the number, both NIPs, the amounts and the amount in words', async () => {
		const inv = await ctx.db
			.selectFrom('invoices')
			.selectAll()
			.where('number', '=', 'FV/2026/11/0001')
			.executeTakeFirstOrThrow();
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'inv-')), 'f.pdf');
		writeFileSync(file, await invoicePdf(inv));
		let text: string;
		try {
			text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		} catch {
			console.warn('pdftotext (Debian poppler-utils) is missing: the PDF text is not checked here');
			return;
		}
		for (const needle of [
			'Faktura VAT nr FV/2026/11/0001',
			'NIP: 118-161-04-40',
			'NIP: 838-157-40-08',
			'3 130,08',
			'719,92',
			'3 850,00 zł',
			'trzy tysiące osiemset pięćdziesiąt złotych 00/100',
			'01.11.2026 – 30.11.2026',
			'15.11.2026',
			'Rachunek sprzedawcy: 04 0000 0000 0000 0000 0000 0000 — konto fikcyjne'
		]) {
			expect(text, needle).toContain(needle);
		}
	});
});

describe('payments, reminders and KSeF', () => {
	it('one reminder after the due date to the customer and the coordinators; none once paid', async () => {
		const coordinator = await makeUser(ctx, 'koordynatorka@t.pl');
		await ctx.db.insertInto('coordinators').values({ municipality_code: '1438053', user_id: coordinator.id }).execute();
		clock.set('2027-01-05T10:00:00Z');
		// November's invoice (due 15.11) is paid; December's (due 15.12) is not.
		const nov = await ctx.db
			.selectFrom('invoices')
			.select('id')
			.where('number', '=', 'FV/2026/11/0001')
			.executeTakeFirstOrThrow();
		await expect(markPaid(ctx, resident, nov.id, '2026-11-10')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(markPaid(ctx, operator, nov.id, '2027-02-01')).rejects.toMatchObject({ code: 'validation' });
		await markPaid(ctx, operator, nov.id, '2026-11-10');
		await expect(markPaid(ctx, operator, nov.id, '2026-11-10')).rejects.toMatchObject({ code: 'conflict' });
		const reminded = await remindOverdue(ctx);
		expect(reminded).toContain('FV/2026/12/0002');
		expect(reminded).not.toContain('FV/2026/11/0001');
		expect(await remindOverdue(ctx)).toEqual([]);
		const mails = await ctx.db
			.selectFrom('outbox')
			.select(['recipient', 'subject', 'body_text'])
			.where('subject', '=', 'Przypomnienie o płatności: faktura FV/2026/12/0002')
			.execute();
		expect(mails.map((m) => m.recipient).sort()).toEqual(['koordynatorka@t.pl', 'sekretariat@wiskitki.test']);
		expect(mails[0].body_text).toContain('3 850,00 zł');
		// The coordinator sees the municipality's invoices; others may not download them.
		expect((await customerInvoices(ctx, coordinator, '1438053')).map((i) => i.number)).toContain('FV/2026/12/0002');
		await expect(customerInvoices(ctx, resident, '1438053')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(invoiceForReader(ctx, null, nov.id)).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(invoiceForReader(ctx, resident, nov.id)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await invoiceForReader(ctx, coordinator, nov.id)).invoice.number).toBe('FV/2026/11/0001');
		expect((await invoiceForReader(ctx, operator, nov.id)).invoice.number).toBe('FV/2026/11/0001');
		await expect(invoiceForReader(ctx, operator, '999999')).rejects.toMatchObject({ code: 'not_found' });
	});

	it('a batch of FA(3) files for KSeF, then sent, then accepted with its KSeF number', async () => {
		await expect(ksefBatch(ctx, resident)).rejects.toMatchObject({ code: 'forbidden' });
		const { zip, numbers } = await ksefBatch(ctx, operator);
		const entries = new AdmZip(zip).getEntries().map((e) => e.entryName);
		expect(entries).toContain('FV_2026_11_0001.xml');
		expect(entries).toContain('lista.csv');
		expect(entries.length).toBe(numbers.length + 1);
		expect(await markSentToKsef(ctx, operator, ['FV/2026/11/0001'])).toBe(1);
		const nov = await ctx.db
			.selectFrom('invoices')
			.select('id')
			.where('number', '=', 'FV/2026/11/0001')
			.executeTakeFirstOrThrow();
		await expect(recordKsefNumber(ctx, operator, nov.id, '12345')).rejects.toMatchObject({ code: 'validation' });
		// A mistyped digit breaks the CRC-8 at its end.
		await expect(recordKsefNumber(ctx, operator, nov.id, '1181610440-20261101-0100A1B2C3D5-DA')).rejects.toMatchObject({
			code: 'validation',
			message: expect.stringContaining('sumą kontrolną')
		});
		await recordKsefNumber(ctx, operator, nov.id, '1181610440-20261101-0100a1b2c3d4-da');
		const after = await ctx.db
			.selectFrom('invoices')
			.select(['ksef_status', 'ksef_number'])
			.where('id', '=', nov.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ ksef_status: 'accepted', ksef_number: '1181610440-20261101-0100A1B2C3D4-DA' });
		expect((await ksefBatch(ctx, operator)).numbers).not.toContain('FV/2026/11/0001');
	});
});

describe('the seller', () => {
	it('bank account numbers are checked; the operator’s data goes on new invoices only', async () => {
		expect(normalizeNrb('PL 61 1090 1014 0000 0712 1981 2874')).toBe('61109010140000071219812874');
		expect(normalizeNrb('62 1090 1014 0000 0712 1981 2874')).toBeNull();
		expect(normalizeNrb('1234')).toBeNull();
		const input = {
			name: 'PL-MEDIA Sp. z o.o.',
			nip: '118-161-04-40',
			street: 'ul. Leśna 2',
			postalCode: '05-080',
			city: 'Laski',
			email: 'faktury@pl-media.pl',
			bankAccount: '61 1090 1014 0000 0712 1981 2874',
			bankName: 'Santander'
		};
		await expect(setSeller(ctx, resident, input)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			setSeller(ctx, operator, { ...input, bankAccount: '61 1090 1014 0000 0712 1981 2875' })
		).rejects.toMatchObject({ code: 'validation', fields: { bankAccount: expect.any(String) } });
		expect(await sellerParty(ctx.db)).toEqual({ ...defaultSeller, ...demoBankAccount });
		const before = await ctx.db
			.selectFrom('invoices')
			.select('seller')
			.where('number', '=', 'FV/2026/11/0001')
			.executeTakeFirstOrThrow();
		await setSeller(ctx, operator, input);
		expect(await sellerParty(ctx.db)).toMatchObject({
			name: 'PL-MEDIA Sp. z o.o.',
			street: 'ul. Leśna 2',
			bankAccount: '61109010140000071219812874'
		});
		expect(
			(
				await ctx.db
					.selectFrom('invoices')
					.select('seller')
					.where('number', '=', 'FV/2026/11/0001')
					.executeTakeFirstOrThrow()
			).seller
		).toEqual(before.seller);
		const next = await ctx.db.transaction().execute((tx) =>
			insertInvoice(tx, ctx, {
				kind: 'VAT',
				customerId,
				issueDate: '2027-01-20',
				saleDate: '2027-01-20',
				buyer: before.seller,
				lines: [{ description: 'Usługa', quantity: 1, unit: 'usł.', gross: 1_000, ratePercent: 23 }]
			})
		);
		expect(next.seller.name).toBe('PL-MEDIA Sp. z o.o.');
		// The operator's real account replaces the demo one, and its "fictitious" label with it.
		expect(next.seller.bankAccountNote).toBeUndefined();
		expect(fa3Xml(next)).not.toContain('OpisRachunku');
		const check = validateFa3(fa3Xml(next), referenceDir);
		if (check) expect(check.ok, check.output).toBe(true);
	});
});
