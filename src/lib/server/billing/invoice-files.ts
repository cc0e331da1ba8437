import type { Actor, Ctx } from '../core/context';
import { fa3Xml } from './fa3';
import { invoicePdf, type KsefCodes } from './invoice-pdf';
import { invoiceForReader, type Invoice } from './invoices';
import { KSEF_QR_HOSTS, certificateVerificationUrl, invoiceVerificationUrl } from './ksef/qr';
import { ksefOfflineCertificate } from './ksef/settings';

export interface InvoiceFile {
	name: string;
	body: Uint8Array<ArrayBuffer> | string;
	contentType: string;
}

/** The FA(3) file: the very one sent to KSeF once it is sent (its hash is in the QR code), else made now. */
export const invoiceXml = (inv: Invoice, corrected: Invoice | null) => inv.ksef_xml ?? fa3Xml(inv, corrected);

/**
 * The QR codes the printed invoice carries (kody-qr.md): KOD I with the KSeF number once accepted;
 * for an invoice issued while KSeF was unavailable and not yet accepted, KOD I labelled OFFLINE and
 * KOD II (the issuer's offline certificate, "CERTYFIKAT") when the seller's certificate is stored.
 * None while the invoice simply waits to be sent.
 */
export async function ksefCodes(
	ctx: Pick<Ctx, 'db' | 'ksefSecretKey'>,
	inv: Invoice,
	corrected: Invoice | null
): Promise<KsefCodes | undefined> {
	const accepted = inv.ksef_status === 'accepted' && inv.ksef_number;
	if (!accepted && !inv.ksef_offline) return undefined;
	const settings = await ctx.db.selectFrom('ksef_settings').select('environment').executeTakeFirst();
	// Sent by hand (no client configured): the production system.
	const host = KSEF_QR_HOSTS[settings?.environment ?? 'PRD'];
	const xml = invoiceXml(inv, corrected);
	const kod1 = {
		url: invoiceVerificationUrl(host, inv.seller.nip, inv.issue_date, xml),
		label: accepted ? inv.ksef_number! : 'OFFLINE'
	};
	if (accepted) return { kod1 };
	const certificate = await ksefOfflineCertificate(ctx.db, ctx.ksefSecretKey);
	if (!certificate) return { kod1 };
	const kod2Url = certificateVerificationUrl(host, {
		contextType: 'Nip',
		contextValue: certificate.nip,
		sellerNip: inv.seller.nip,
		certificateSerial: certificate.serial,
		invoiceXml: xml,
		privateKeyPem: certificate.privateKeyPem
	});
	return { kod1, kod2: { url: kod2Url, label: 'CERTYFIKAT' } };
}

export async function invoicePdfWithCodes(
	ctx: Pick<Ctx, 'db' | 'ksefSecretKey'>,
	inv: Invoice,
	corrected: Invoice | null
): Promise<Buffer> {
	return invoicePdf(inv, corrected, await ksefCodes(ctx, inv, corrected));
}

/** An invoice as PDF or FA(3) XML, for its customer's coordinators and the operator. */
export async function invoiceFile(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	format: 'pdf' | 'xml'
): Promise<InvoiceFile> {
	const { invoice, corrected } = await invoiceForReader(ctx, actor, id);
	const name = `${invoice.number.replace(/\//g, '_')}.${format}`;
	return format === 'pdf'
		? {
				name,
				body: new Uint8Array(await invoicePdfWithCodes(ctx, invoice, corrected)),
				contentType: 'application/pdf'
			}
		: { name, body: invoiceXml(invoice, corrected), contentType: 'application/xml; charset=utf-8' };
}
