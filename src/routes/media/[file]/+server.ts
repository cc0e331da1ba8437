import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import { isMediaFileName } from '$lib/server/media/images';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	if (!isMediaFileName(params.file)) error(404, { message: 'Nie ma takiego pliku.' });
	const bytes = await readFile(path.join(locals.rt.mediaDir, params.file)).catch(() => null);
	if (!bytes) error(404, { message: 'Nie ma takiego pliku.' });
	return new Response(new Uint8Array(bytes), {
		headers: { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable' }
	});
};
