import { error } from '@sveltejs/kit';
import { contractForReader, contractPdf, readContractScan } from '$lib/server/billing/contracts';
import { page } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** The contract as PDF, or its signed scan; for the municipality's coordinators and the operator. */
export const GET: RequestHandler = ({ locals, params }) =>
	page(async () => {
		const c = await contractForReader(locals.ctx, locals.actor, params.id);
		const name = c.number.replace(/\//g, '_');
		if (params.file === 'pdf') {
			return new Response(new Uint8Array(await contractPdf(c)), {
				headers: {
					'content-type': 'application/pdf',
					'content-disposition': `inline; filename="${name}.pdf"`,
					'cache-control': 'private, no-store'
				}
			});
		}
		if (params.file === 'skan' && c.scan_file) {
			const ext = c.scan_file.split('.').pop()!;
			const type =
				ext === 'pdf' ? 'application/pdf' : ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : 'image/jpeg';
			return new Response(new Uint8Array(await readContractScan(locals.rt.mediaDir, c.scan_file)), {
				headers: {
					'content-type': type,
					'content-disposition': `inline; filename="${name}-podpisana.${ext}"`,
					'cache-control': 'private, no-store'
				}
			});
		}
		error(404, { message: 'Nie ma takiego pliku.', code: 'not_found' });
	});
