import { ksefBatch } from '$lib/server/billing/ksef/manual';
import { page } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The invoices waiting for KSeF as a ZIP of FA(3) files (the operator sends it in the KSeF application). */
export const GET: RequestHandler = ({ locals }) =>
	page(async () => {
		const { zip, numbers } = await ksefBatch(locals.ctx, locals.actor);
		return new Response(new Uint8Array(zip), {
			headers: {
				'content-type': 'application/zip',
				'content-disposition': 'attachment; filename="ksef-do-wyslania.zip"',
				'x-invoices': numbers.join(','),
				'cache-control': 'no-store'
			}
		});
	});
