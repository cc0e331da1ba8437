import { invoiceFile } from '$lib/server/billing/invoice-files';
import { page } from '$lib/server/web/http';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** An invoice as PDF (with its KSeF QR code) or FA(3) XML, for the customer's coordinators and the operator. */
export const GET: RequestHandler = ({ locals, params }) =>
	page(async () => {
		if (params.format !== 'pdf' && params.format !== 'xml')
			error(404, { message: 'Nie ma takiego pliku.', code: 'not_found' });
		const file = await invoiceFile(locals.ctx, locals.actor, params.id, params.format);
		return new Response(file.body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `${params.format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.name}"`,
				'cache-control': 'private, no-store'
			}
		});
	});
