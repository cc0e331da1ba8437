import { fa3Xml } from '$lib/server/billing/fa3';
import { invoicePdf } from '$lib/server/billing/invoice-pdf';
import { invoiceForReader } from '$lib/server/billing/invoices';
import { page } from '$lib/server/web/http';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** An invoice as PDF or FA(3) XML, for the customer's coordinators and the operator. */
export const GET: RequestHandler = ({ locals, params }) =>
	page(async () => {
		if (params.format !== 'pdf' && params.format !== 'xml')
			error(404, { message: 'Nie ma takiego pliku.', code: 'not_found' });
		const { invoice, corrected } = await invoiceForReader(locals.ctx, locals.actor, params.id);
		const name = invoice.number.replace(/\//g, '_');
		const body =
			params.format === 'pdf' ? new Uint8Array(await invoicePdf(invoice, corrected)) : fa3Xml(invoice, corrected);
		return new Response(body, {
			headers: {
				'content-type': params.format === 'pdf' ? 'application/pdf' : 'application/xml; charset=utf-8',
				'content-disposition': `${params.format === 'pdf' ? 'inline' : 'attachment'}; filename="${name}.${params.format}"`,
				'cache-control': 'private, no-store'
			}
		});
	});
