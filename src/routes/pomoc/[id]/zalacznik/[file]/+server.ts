import { error } from '@sveltejs/kit';
import { AppError } from '$lib/server/core/errors';
import { getAttachment } from '$lib/server/support/tickets';
import { isTicketFileName, readTicketFile } from '$lib/server/support/attachments';
import type { RequestHandler } from './$types';

/** A ticket's attachment, for its requester and the administrators; never cached publicly. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!isTicketFileName(params.file)) error(404, { message: 'Nie ma takiego załącznika.' });
	try {
		const a = await getAttachment(locals.ctx, locals.actor, params.id, params.file);
		const bytes = await readTicketFile(locals.rt.mediaDir, a.file_name);
		const disposition = a.content_type === 'application/pdf' ? 'attachment' : 'inline';
		return new Response(new Uint8Array(bytes), {
			headers: {
				'content-type': a.content_type,
				'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(a.original_name)}`,
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		if (e instanceof AppError) error(e.status, { message: e.message });
		throw e;
	}
};
