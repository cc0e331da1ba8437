import { getDownload } from '$lib/server/documents/downloads';
import { page } from '$lib/server/web/http';
import type { RequestHandler } from './$types';

/** /pliki/{kind}/{slug}.{pdf|csv|json}: the public documents, generated from live data. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	page(async () => {
		const file = await getDownload(locals.readCtx, params.kind, params.file, url.searchParams.get('miesiac'));
		return new Response(new Uint8Array(file.body), {
			headers: {
				'content-type': file.contentType,
				'content-length': String(file.body.length),
				'content-disposition': `inline; filename="${file.fileName}"`,
				'cache-control': 'public, max-age=300'
			}
		});
	});
