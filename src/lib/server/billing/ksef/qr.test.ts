import { execFileSync, spawnSync } from 'node:child_process';
import { constants, createHash, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutText } from '../../testing/pdf-text';
import { fa3Xml } from '../fa3';
import { invoicePdf } from '../invoice-pdf';
import type { Invoice } from '../invoices';
import { defaultSeller, demoBankAccount } from '../seller';
import {
	KSEF_QR_HOSTS,
	certificatePathToSign,
	certificateVerificationUrl,
	invoiceHash,
	invoiceUrlFromHash,
	invoiceVerificationUrl,
	qrPng
} from './qr';

// The worked examples of the KSeF documentation ("Kody weryfikujące QR", environment TE).
const doc = {
	hash: 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
	kod1: 'https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
	toSign:
		'qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
	signature:
		'mSkm_XmM9fq7PgAJwiL32L9ujhyguOEV48cDB0ncemD2r9TMGa3lr0iRoFk588agCi8QPsOuscUY1rZ7ff76STbGquO-gZtQys5_fHdf2HUfDqPqVTnUS6HknBu0zLkyf9ygoW7WbH06Ty_8BgQTlOmJFzNWSt9WZa7tAGuAE9JOooNps-KG2PYkkIP4q4jPMp3FKypAygHVnXtS0RDGgOxhhM7LWtFP7D-dWINbh5yXD8Lr-JVbeOpyQjHa6WmMYavCDQJ3X_Z-iS01LZu2s1B3xuOykl1h0sLObCdADrbxOONsXrvQa61Xt_rxyprVraj2Uf9pANQgR4-12HEcMw'
};
const docKod2 = `https://${doc.toSign}/${doc.signature}`;

const spki = { type: 'spki', format: 'pem' } as const;
const pkcs8 = { type: 'pkcs8', format: 'pem' } as const;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: spki, privateKeyEncoding: pkcs8 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: spki, privateKeyEncoding: pkcs8 });

const xml =
	'<?xml version="1.0" encoding="UTF-8"?>\n<Faktura><P_1>2026-02-01</P_1><P_2>FV/1</P_2><Nazwa>Łódź</Nazwa></Faktura>\n';
const offline = {
	contextType: 'Nip',
	contextValue: '1111111111',
	sellerNip: '1111111111',
	certificateSerial: '01F20A5D352AE590',
	invoiceXml: xml
} as const;

/** The signed text and the signature of a KOD II link. */
function splitKod2(url: string): { signed: string; signature: Buffer } {
	const cut = url.lastIndexOf('/');
	expect(url.startsWith('https://')).toBe(true);
	return { signed: url.slice('https://'.length, cut), signature: Buffer.from(url.slice(cut + 1), 'base64url') };
}
const verifyRsa = (text: string, signature: Buffer) =>
	verify(
		'sha256',
		Buffer.from(text),
		{ key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
		signature
	);
const verifyEc = (text: string, signature: Buffer) =>
	verify('sha256', Buffer.from(text), { key: ec.publicKey, dsaEncoding: 'ieee-p1363' }, signature);

describe('KOD I: the invoice verification link', () => {
	it("reproduces the documentation's example", () => {
		expect(invoiceUrlFromHash(KSEF_QR_HOSTS.TE, '1111111111', '2026-02-01', doc.hash)).toBe(doc.kod1);
	});

	it('ends with the SHA-256 of the exact XML bytes in Base64URL', () => {
		// A known answer: SHA-256("abc") = ba7816bf…f20015ad.
		expect(invoiceHash('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
		const url = invoiceVerificationUrl(KSEF_QR_HOSTS.TE, '1111111111', '2026-02-01', xml);
		const expected = createHash('sha256').update(Buffer.from(xml, 'utf8')).digest('base64url');
		expect(url).toBe(`https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/${expected}`);
		expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(invoiceVerificationUrl(KSEF_QR_HOSTS.TE, '1111111111', '2026-02-01', Buffer.from(xml))).toBe(url);
		// Any other bytes of "the same" invoice are another file for KSeF.
		expect(invoiceHash(`\uFEFF${xml}`)).not.toBe(expected);
		expect(invoiceHash(xml.replace(/\n/g, '\r\n'))).not.toBe(expected);
	});

	it('uses the host of each environment', () => {
		expect(KSEF_QR_HOSTS).toEqual({
			TE: 'https://qr-test.ksef.mf.gov.pl',
			DEMO: 'https://qr-demo.ksef.mf.gov.pl',
			PRD: 'https://qr.ksef.mf.gov.pl'
		});
		expect(invoiceUrlFromHash(KSEF_QR_HOSTS.PRD, '1111111111', '2026-12-31', doc.hash)).toBe(
			`https://qr.ksef.mf.gov.pl/invoice/1111111111/31-12-2026/${doc.hash}`
		);
		expect(invoiceUrlFromHash(`${KSEF_QR_HOSTS.DEMO}/`, '1111111111', '2026-02-01', doc.hash)).toBe(
			`https://qr-demo.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/${doc.hash}`
		);
	});

	it('refuses what would make a wrong link', () => {
		expect(() => invoiceUrlFromHash(KSEF_QR_HOSTS.TE, '111-111-11-11', '2026-02-01', doc.hash)).toThrow(/NIP/);
		expect(() => invoiceUrlFromHash(KSEF_QR_HOSTS.TE, '1111111111', '01-02-2026', doc.hash)).toThrow(/RRRR-MM-DD/);
		expect(() => invoiceUrlFromHash('qr-test.ksef.mf.gov.pl', '1111111111', '2026-02-01', doc.hash)).toThrow(/https/);
	});
});

describe('KOD II: the certificate verification link', () => {
	it("signs the documentation's example text", () => {
		expect(
			certificatePathToSign(KSEF_QR_HOSTS.TE, {
				contextType: 'Nip',
				contextValue: '1111111111',
				sellerNip: '1111111111',
				certificateSerial: '01F20A5D352AE590',
				invoiceHash: doc.hash
			})
		).toBe(doc.toSign);
		// The example's signature is RSA-2048 (256 bytes), like ours below.
		expect(Buffer.from(doc.signature, 'base64url')).toHaveLength(256);
	});

	it('RSASSA-PSS (SHA-256, MGF1, 32-byte salt): the signature verifies, and not for a changed path', () => {
		const url = certificateVerificationUrl(KSEF_QR_HOSTS.TE, { ...offline, privateKeyPem: rsa.privateKey });
		const { signed, signature } = splitKod2(url);
		expect(signed).toBe(doc.toSign.replace(doc.hash, invoiceHash(xml)));
		expect(url.slice(url.lastIndexOf('/') + 1)).toMatch(/^[A-Za-z0-9_-]{342}$/);
		expect(verifyRsa(signed, signature)).toBe(true);
		expect(verifyRsa(signed.replace('/Nip/1111111111/1111111111/', '/Nip/1111111111/2222222222/'), signature)).toBe(
			false
		);
		expect(verifyRsa(`${signed}/`, signature)).toBe(false);
		expect(verifyRsa(`https://${signed}`, signature)).toBe(false);
	});

	it('ECDSA P-256 (SHA-256, IEEE P1363 r‖s): the signature verifies, and not for a changed path', () => {
		const url = certificateVerificationUrl(KSEF_QR_HOSTS.TE, { ...offline, privateKeyPem: ec.privateKey });
		const { signed, signature } = splitKod2(url);
		expect(signed).toBe(doc.toSign.replace(doc.hash, invoiceHash(xml)));
		expect(signature).toHaveLength(64);
		expect(verifyEc(signed, signature)).toBe(true);
		expect(verifyEc(signed.replace('01F20A5D352AE590', '01F20A5D352AE591'), signature)).toBe(false);
	});

	it('takes PKCS#1 and SEC1 keys too, and refuses keys KSeF does not accept', () => {
		const pkcs1 = generateKeyPairSync('rsa', {
			modulusLength: 2048,
			privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
			publicKeyEncoding: { type: 'spki', format: 'pem' }
		});
		const { signed, signature } = splitKod2(
			certificateVerificationUrl(KSEF_QR_HOSTS.TE, { ...offline, privateKeyPem: pkcs1.privateKey })
		);
		expect(
			verify(
				'sha256',
				Buffer.from(signed),
				{ key: pkcs1.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
				signature
			)
		).toBe(true);
		const sec1 = generateKeyPairSync('ec', {
			namedCurve: 'P-256',
			privateKeyEncoding: { type: 'sec1', format: 'pem' },
			publicKeyEncoding: { type: 'spki', format: 'pem' }
		});
		const ecUrl = certificateVerificationUrl(KSEF_QR_HOSTS.TE, { ...offline, privateKeyPem: sec1.privateKey });
		expect(splitKod2(ecUrl).signature).toHaveLength(64);

		const refused = [
			generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: spki, privateKeyEncoding: pkcs8 })
				.privateKey,
			generateKeyPairSync('ec', { namedCurve: 'secp384r1', publicKeyEncoding: spki, privateKeyEncoding: pkcs8 })
				.privateKey,
			generateKeyPairSync('ed25519', { publicKeyEncoding: spki, privateKeyEncoding: pkcs8 }).privateKey
		];
		for (const privateKeyPem of refused)
			expect(() => certificateVerificationUrl(KSEF_QR_HOSTS.TE, { ...offline, privateKeyPem })).toThrow();
		expect(() =>
			certificateVerificationUrl(KSEF_QR_HOSTS.TE, {
				...offline,
				contextValue: '1111111111/x',
				privateKeyPem: ec.privateKey
			})
		).toThrow(/kontekstu/);
	});
});

/** The QR code in a PNG, or null. */
function decode(png: Buffer): string | null {
	const image = PNG.sync.read(png);
	return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/**
 * The QR codes in the left and the right half of a page (the codes stand in two columns: jsQR
 * reads one code at a time and mixes up the finder patterns of two codes side by side).
 */
function decodeHalves(png: Buffer): (string | null)[] {
	const page = PNG.sync.read(png);
	const half = Math.floor(page.width / 2);
	return [0, half].map((x0) => {
		const width = x0 === 0 ? half : page.width - half;
		const pixels = new Uint8ClampedArray(width * page.height * 4);
		for (let y = 0; y < page.height; y++)
			pixels.set(page.data.subarray((y * page.width + x0) * 4, (y * page.width + x0 + width) * 4), y * width * 4);
		return jsQR(pixels, width, page.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
	});
}

describe('the QR image and the invoice PDF', () => {
	const work = mkdtempSync(path.join(tmpdir(), 'ksef-qr-'));
	afterAll(() => rmSync(work, { recursive: true, force: true }));
	const hasPdftoppm = !spawnSync('pdftoppm', ['-v']).error;
	if (!hasPdftoppm)
		console.warn('pdftoppm (Debian poppler-utils) is missing: the QR codes on the invoice PDF are not decoded here');

	/** The first page at 150 dpi, as PNG. */
	function firstPage(pdf: Buffer): Buffer {
		writeFileSync(path.join(work, 'f.pdf'), pdf);
		execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', 'f.pdf', 'page'], {
			cwd: work
		});
		return readFileSync(path.join(work, 'page.png'));
	}

	// The columns the PDF and FA(3) read; the KSeF client's bookkeeping columns do not matter here.
	const inv = {
		id: '1',
		series: 'FV',
		year: 2026,
		seq: 1,
		number: 'FV/2026/11/0001',
		kind: 'VAT',
		corrects_id: null,
		reason: null,
		customer_id: '1',
		subscription_id: '1',
		issue_date: '2026-11-01',
		sale_date: '2026-11-30',
		due_date: '2026-11-15',
		period_start: '2026-11-01',
		period_end: '2026-11-30',
		seller: { ...defaultSeller, ...demoBankAccount },
		buyer: {
			name: 'Gmina Wiskitki',
			nip: '8381574008',
			street: 'ul. Kościuszki 1',
			postalCode: '96-315',
			city: 'Wiskitki'
		},
		receiver: null,
		lines: [
			{
				description: 'Tablica – Pakiet 1, listopad 2026',
				quantity: 1,
				unit: 'usł.',
				gross: 385000,
				net: 313008,
				vat: 71992,
				ratePercent: 23
			}
		],
		net: 313008,
		vat: 71992,
		gross: 385000,
		paid_at: null,
		reminded_at: null,
		ksef_status: 'accepted',
		ksef_number: '1181610440-20261101-0100A1B2C3D4-5E',
		created_at: new Date('2026-11-01T09:00:00Z')
	} satisfies Partial<Invoice> as Invoice;
	const kod1 = invoiceVerificationUrl(KSEF_QR_HOSTS.TE, inv.seller.nip, inv.issue_date, fa3Xml(inv));

	it('qrPng is a PNG of the text at 5 pixels a module', async () => {
		const png = await qrPng(kod1);
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		const { width } = PNG.sync.read(png);
		expect(width % 5).toBe(0);
		// Version 1 is 21 modules, each version 4 more; plus 4 quiet modules on each side.
		expect((width / 5 - 8 - 21) % 4).toBe(0);
		expect(decode(png)).toBe(kod1);
	});

	it('without codes the PDF has no image and no KSeF code text', async () => {
		const pdf = await invoicePdf(inv);
		expect(pdf.includes('/Subtype /Image')).toBe(false);
		const text = layoutText(pdf);
		if (text !== null) {
			expect(text).toContain('Numer KSeF: 1181610440-20261101-0100A1B2C3D4-5E');
			expect(text).not.toContain('KOD I');
			expect(text).not.toContain('Zweryfikuj');
		}
	});

	it('an accepted invoice: KOD I with the KSeF number under it and the link as text, tagged', async () => {
		const pdf = await invoicePdf(inv, null, { kod1: { url: kod1, label: inv.ksef_number! } });
		const raw = pdf.toString('latin1');
		expect(raw).toContain('/S /Figure');
		expect(raw).toContain('/Alt (Kod QR KOD I: weryfikacja faktury w KSeF)');
		expect(raw).toContain('/S /Link');
		expect(raw).toMatch(/\/Subtype \/Link[^]*?\/StructParent \d+/);
		expect(raw).toContain(`/URI (${kod1})`);
		const text = layoutText(pdf);
		if (text !== null) {
			const lines = text.split('\n').map((l) => l.trim());
			expect(lines).toContain('KOD I');
			expect(lines).toContain(inv.ksef_number);
			expect(lines).toContain('Zweryfikuj fakturę w KSeF:');
			expect(lines, 'the link on one line, whole').toContain(kod1);
			expect(lines.indexOf(inv.ksef_number!)).toBeGreaterThan(lines.indexOf('KOD I'));
		}
	});

	it.skipIf(!hasPdftoppm)(
		'an accepted invoice: the code on the rendered page reads the verification link (pdftoppm)',
		async () => {
			const pdf = await invoicePdf(inv, null, { kod1: { url: kod1, label: inv.ksef_number! } });
			expect(decodeHalves(firstPage(pdf))).toEqual([kod1, null]);
		}
	);

	const offlineInv: Invoice = { ...inv, ksef_status: 'to_send', ksef_number: null };
	const offlineKod1 = invoiceVerificationUrl(KSEF_QR_HOSTS.TE, inv.seller.nip, inv.issue_date, fa3Xml(offlineInv));
	// The documentation's link: as long as a real one with an RSA-2048 signature, and the same every run.
	const codes = { kod1: { url: offlineKod1, label: 'OFFLINE' }, kod2: { url: docKod2, label: 'CERTYFIKAT' } };

	it('an offline invoice: KOD I labelled OFFLINE and KOD II labelled CERTYFIKAT', async () => {
		const pdf = await invoicePdf(offlineInv, null, codes);
		const raw = pdf.toString('latin1');
		expect(raw).toContain('/Alt (Kod QR KOD II: weryfikacja certyfikatu KSeF wystawcy)');
		const text = layoutText(pdf);
		if (text !== null) {
			expect(text).toMatch(/KOD I\s+KOD II/);
			expect(text).toMatch(/OFFLINE\s+CERTYFIKAT/);
			expect(text).toContain(offlineKod1);
		}
	});

	it.skipIf(!hasPdftoppm)(
		'an offline invoice: both codes on the rendered page read their links (pdftoppm)',
		async () => {
			const pdf = await invoicePdf(offlineInv, null, codes);
			expect(decodeHalves(firstPage(pdf))).toEqual([offlineKod1, docKod2]);
		}
	);
});
