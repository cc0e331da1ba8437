import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlockList } from 'node:net';
import type { Ctx } from '../core/context';
import type { AnonymousPageCache, CacheablePage } from '../cache/anonymous-pages';
import { clientAddress } from '../core/client-address';
import { log } from '../core/logger';
import { countViews } from '../feed/engagement';
import { viewerKey, type Client } from './viewer';

/**
 * Answers an anonymous request from the page cache on node:http (`server.ts`, before SvelteKit);
 * a post's page served so still counts its view, as rendering it would have.
 */
export function answerFromPageCache(
	rt: { ctx: Ctx; pageCache: AnonymousPageCache; trustedProxies: BlockList | null },
	req: IncomingMessage,
	res: ServerResponse
): boolean {
	const page = rt.pageCache.answer(req, res);
	if (!page) return false;
	const forwardedFor = req.headers['x-forwarded-for'];
	countCachedPageView(rt.ctx, page, {
		address: clientAddress(
			req.socket.remoteAddress ?? '',
			Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? null),
			rt.trustedProxies
		),
		userAgent: req.headers['user-agent'] ?? ''
	});
	return true;
}

/** The view of a post's page answered from the cache (an anonymous visitor's), handed to the recorder. */
export function countCachedPageView(ctx: Ctx, page: CacheablePage, client: Client) {
	if (!page.postId) return;
	const postId = page.postId;
	void (async () => countViews(ctx, [postId], await viewerKey(ctx, null, client), page.slug))().catch((err) =>
		log.warn({ err, postId }, 'Nie policzono wyświetlenia strony z pamięci podręcznej')
	);
}
