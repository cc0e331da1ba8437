import { constants, createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import QRCode from 'qrcode';
import type { KsefEnvironment } from './api';

/**
 * The verification codes printed on an invoice sent to KSeF (the KSeF 2.0 documentation, "Kody
 * weryfikujące QR"): KOD I links to the invoice in KSeF, KOD II (offline invoices only) to the
 * issuer's KSeF offline certificate, signed with its private key.
 */
export const KSEF_QR_HOSTS: Record<KsefEnvironment, string> = {
	TE: 'https://qr-test.ksef.mf.gov.pl',
	DEMO: 'https://qr-demo.ksef.mf.gov.pl',
	PRD: 'https://qr.ksef.mf.gov.pl'
};

export type KsefContextType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * SHA-256 of the invoice file in Base64URL. It must be the exact bytes sent to KSeF (a string is
 * taken as UTF-8): a re-serialised or re-indented XML gives another hash and the link finds nothing.
 */
export function invoiceHash(invoiceXml: string | Buffer): string {
	return base64url(createHash('sha256').update(invoiceXml).digest());
}

function origin(qrHost: string): string {
	const host = qrHost.replace(/\/+$/, '');
	if (!/^https:\/\/[a-z0-9.-]+$/i.test(host))
		throw new Error(`Adres KSeF dla kodów QR ma postać https://host: ${qrHost}`);
	return host;
}

function nip(value: string): string {
	if (!/^\d{10}$/.test(value)) throw new Error(`NIP sprzedawcy to 10 cyfr: ${value}`);
	return value;
}

/** A path segment as it goes into the link and the signed text: unreserved URL characters only. */
function segment(what: string, value: string): string {
	if (!/^[A-Za-z0-9._~-]+$/.test(value)) throw new Error(`${what} nie nadaje się do linku KSeF: ${value}`);
	return value;
}

/** KOD I for a known hash (`invoiceHash`); the date is the invoice's P_1. */
export function invoiceUrlFromHash(qrHost: string, sellerNip: string, issueDate: string, hash: string): string {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issueDate);
	if (!d) throw new Error(`Data wystawienia w formacie RRRR-MM-DD: ${issueDate}`);
	return `${origin(qrHost)}/invoice/${nip(sellerNip)}/${d[3]}-${d[2]}-${d[1]}/${segment('Skrót faktury', hash)}`;
}

/** KOD I: verification and download of the invoice in KSeF. */
export function invoiceVerificationUrl(
	qrHost: string,
	sellerNip: string,
	issueDate: string /* YYYY-MM-DD */,
	invoiceXml: string | Buffer
): string {
	return invoiceUrlFromHash(qrHost, sellerNip, issueDate, invoiceHash(invoiceXml));
}

/** What KOD II signs: its link without `https://`, the signature and a trailing `/`. */
export function certificatePathToSign(
	qrHost: string,
	a: {
		contextType: KsefContextType;
		contextValue: string;
		sellerNip: string;
		certificateSerial: string;
		invoiceHash: string;
	}
): string {
	const parts = [
		segment('Typ kontekstu', a.contextType),
		segment('Identyfikator kontekstu', a.contextValue),
		nip(a.sellerNip),
		segment('Numer seryjny certyfikatu', a.certificateSerial),
		segment('Skrót faktury', a.invoiceHash)
	];
	return `${origin(qrHost).slice('https://'.length)}/certificate/${parts.join('/')}`;
}

/** KOD II, signed with the KSeF offline certificate's private key (RSA-PSS or ECDSA P-256 by the key's type). */
/** The private key of a KSeF offline certificate: RSA of at least 2048 bits or ECDSA P-256, else an Error saying so. */
export function offlineSigningKey(privateKeyPem: string): KeyObject {
	let key: KeyObject;
	try {
		key = createPrivateKey(privateKeyPem);
	} catch {
		throw new Error('To nie jest klucz prywatny w formacie PEM.');
	}
	if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
		if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
			throw new Error('Klucz RSA certyfikatu KSeF musi mieć co najmniej 2048 bitów.');
		return key;
	}
	if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return key;
	throw new Error('Certyfikat KSeF podpisuje kluczem RSA (RSASSA-PSS) albo ECDSA P-256.');
}

export function certificateVerificationUrl(
	qrHost: string,
	a: {
		contextType: KsefContextType;
		contextValue: string;
		sellerNip: string;
		certificateSerial: string;
		invoiceXml: string | Buffer;
		privateKeyPem: string;
	}
): string {
	const path = certificatePathToSign(qrHost, { ...a, invoiceHash: invoiceHash(a.invoiceXml) });
	const key = offlineSigningKey(a.privateKeyPem);
	const data = Buffer.from(path, 'utf8');
	const signature =
		key.asymmetricKeyType === 'ec'
			? // KSeF takes DER too, but recommends the fixed 64 bytes r‖s: a shorter link, a smaller code.
				sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
			: sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
	return `https://${path}/${base64url(signature)}`;
}

// Error correction M and 5 pixels a module, as the official KSeF clients make them, with the
// standard 4-module quiet zone.
const qrOptions = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A QR code as PNG. */
export function qrPng(text: string): Promise<Buffer> {
	return QRCode.toBuffer(text, { ...qrOptions, type: 'png', scale: 5 });
}

/** The code's width in modules with its quiet zone, to print every module at a readable size. */
export function qrModules(text: string): number {
	return QRCode.create(text, qrOptions).modules.size + 2 * qrOptions.margin;
}
