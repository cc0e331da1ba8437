import AdmZip from 'adm-zip';
import type { Actor, Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { assertOperator } from '../../access/actor';
import { fa3Xml } from '../fa3';
import { toCsv } from '../../text/csv';
import { isKsefNumber } from './number';

/**
 * KSeF, the national e-invoice system. Sending needs the seller's KSeF token and the network, so
 * the live client is not written yet: invoices wait as "do wysłania", the operator downloads a
 * ready batch of FA(3) files, sends it in the KSeF application, and records each KSeF number.
 */
export interface KsefClient {
	/** Sends one FA(3) document; resolves with KSeF's reference number of the session. */
	send(xml: string): Promise<{ referenceNumber: string }>;
}

export const offlineKsef: KsefClient = {
	send: () =>
		Promise.reject(
			new AppError(
				'conflict',
				'Wysyłka do KSeF nie jest jeszcze podłączona: pobierz paczkę faktur i wyślij ją w aplikacji KSeF.'
			)
		)
};

/** The invoices still to send, as one ZIP of FA(3) files with a list; marks them "wysłana" only when asked to. */
export async function ksefBatch(ctx: Ctx, actor: Actor | null): Promise<{ zip: Buffer; numbers: string[] }> {
	assertOperator(actor);
	const invoices = await ctx.db
		.selectFrom('invoices')
		.selectAll()
		.where('ksef_status', '=', 'to_send')
		.orderBy('id')
		.execute();
	const zip = new AdmZip();
	const list: (string | number)[][] = [];
	for (const inv of invoices) {
		const corrected = inv.corrects_id
			? await ctx.db
					.selectFrom('invoices')
					.select(['number', 'issue_date', 'ksef_number'])
					.where('id', '=', inv.corrects_id)
					.executeTakeFirst()
			: null;
		const file = `${inv.number.replace(/\//g, '_')}.xml`;
		zip.addFile(file, Buffer.from(fa3Xml(inv, corrected ?? null), 'utf8'));
		list.push([inv.number, inv.kind, inv.issue_date, inv.buyer.nip, inv.gross, file]);
	}
	zip.addFile('lista.csv', toCsv(['numer', 'rodzaj', 'data wystawienia', 'NIP nabywcy', 'brutto (gr)', 'plik'], list));
	return { zip: zip.toBuffer(), numbers: invoices.map((i) => i.number) };
}

export async function markSentToKsef(ctx: Ctx, actor: Actor | null, numbers: string[]): Promise<number> {
	assertOperator(actor);
	if (numbers.length === 0) return 0;
	const r = await ctx.db
		.updateTable('invoices')
		.set({ ksef_status: 'sent' })
		.where('number', 'in', numbers)
		.where('ksef_status', '=', 'to_send')
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}

export async function recordKsefNumber(ctx: Ctx, actor: Actor | null, id: string, ksefNumber: string): Promise<void> {
	assertOperator(actor);
	const n = ksefNumber.trim().toUpperCase();
	if (!isKsefNumber(n))
		throw new AppError(
			'validation',
			'Numer KSeF ma postać NIP-RRRRMMDD-XXXXXXXXXXXX-XX (cyfry i litery A–F) i kończy się sumą kontrolną; przepisz go z KSeF.',
			{
				ksefNumber: 'Sprawdź numer KSeF.'
			}
		);
	const r = await ctx.db
		.updateTable('invoices')
		.set({ ksef_status: 'accepted', ksef_number: n })
		.where('id', '=', id)
		.where('ksef_status', '!=', 'accepted')
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', 'Ta faktura ma już numer KSeF albo jej nie ma.');
}
