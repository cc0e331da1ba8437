import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { error, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { openDataExport } from '$lib/server/privacy/export';
import type { RequestHandler } from './$types';

/** The ZIP behind the e-mailed link: for the signed-in person whose export it is, until it expires. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname)}`);
	try {
		const file = await openDataExport(locals.ctx, locals.actor, params.token, locals.rt.exportsDir);
		const body = Readable.toWeb(createReadStream(file.filePath)) as ReadableStream<Uint8Array>;
		return new Response(body, {
			headers: {
				'content-type': 'application/zip',
				'content-length': String(file.size),
				'content-disposition': `attachment; filename="${file.downloadName}"`,
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		if (e instanceof AppError) error(e.status, { message: e.message, code: e.code });
		throw e;
	}
};
