import {
	createCipheriv,
	createDecipheriv,
	createHash,
	publicEncrypt,
	randomBytes,
	constants,
	X509Certificate,
	type KeyObject
} from 'node:crypto';

// The encryption KSeF 2.0 asks of a client (sesja-interaktywna.md, uwierzytelnianie.md) and the
// sealing of the seller's KSeF token at rest.

export const sha256Base64 = (data: Buffer | string) => createHash('sha256').update(data).digest('base64');

/** The Ministry's public key in a certificate from GET /security/public-key-certificates (DER, Base64). */
export function certificateKey(certificateBase64: string): KeyObject {
	return new X509Certificate(Buffer.from(certificateBase64, 'base64')).publicKey;
}

/** RSAES-OAEP with SHA-256 and MGF1 SHA-256, as KSeF encrypts tokens and symmetric keys. */
export const rsaOaepEncrypt = (key: KeyObject, data: Buffer) =>
	publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data);

/** `{token}|{timestampMs}` of the challenge, encrypted and in Base64 (POST /auth/ksef-token). */
export const encryptKsefToken = (key: KeyObject, token: string, challengeTimestampMs: number) =>
	rsaOaepEncrypt(key, Buffer.from(`${token}|${challengeTimestampMs}`, 'utf8')).toString('base64');

/** A fresh AES-256 key and IV for one session, the key wrapped with the Ministry's public key. */
export function sessionEncryption(key: KeyObject) {
	const symmetricKey = randomBytes(32);
	const iv = randomBytes(16);
	return {
		symmetricKey,
		iv,
		encryptedSymmetricKey: rsaOaepEncrypt(key, symmetricKey).toString('base64'),
		initializationVector: iv.toString('base64')
	};
}

/**
 * One invoice for POST /sessions/online/{ref}/invoices: AES-256-CBC with PKCS#7 padding, with the
 * SHA-256 and size of the document and of what is sent. The ciphertext goes alone; the IV only in
 * the session's opening. sesja-interaktywna.md says the IV is "dołączany jako prefiks do
 * szyfrogramu", but the Ministry's own C# and Java clients send no prefix, the OpenAPI example's
 * sizes (6480 → 6496) leave no room for one, and CIRFMF/ksef-api#839 confirms it.
 */
export function encryptInvoice(xml: Buffer, symmetricKey: Buffer, iv: Buffer) {
	const cipher = createCipheriv('aes-256-cbc', symmetricKey, iv);
	const encrypted = Buffer.concat([cipher.update(xml), cipher.final()]);
	return {
		invoiceHash: sha256Base64(xml),
		invoiceSize: xml.length,
		encryptedInvoiceHash: sha256Base64(encrypted),
		encryptedInvoiceSize: encrypted.length,
		encryptedInvoiceContent: encrypted.toString('base64')
	};
}

/** The at-rest key from KSEF_SECRET_KEY: any string, stretched to 32 bytes. */
export const secretKey = (secret: string) => createHash('sha256').update(`tablica-ksef:${secret}`).digest();

/** AES-256-GCM: "v1.iv.tag.ciphertext" in Base64 parts. */
export function seal(plain: string, key: Buffer): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return ['v1', iv, cipher.getAuthTag(), ct].map((p) => (typeof p === 'string' ? p : p.toString('base64'))).join('.');
}

/** The sealed text, or null when it was sealed with another key or altered. */
export function unseal(sealed: string, key: Buffer): string | null {
	const [v, iv, tag, ct] = sealed.split('.');
	if (v !== 'v1' || !iv || !tag || ct === undefined) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
		decipher.setAuthTag(Buffer.from(tag, 'base64'));
		return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}
