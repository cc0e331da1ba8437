import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiGroupFeed } from '../api/group-feed';
import { actorForApiToken } from '../auth/sessions';
import type { Ctx } from '../core/context';
import { readCtxFor } from './read-ctx';
import { withSecurityHeaders } from './security-headers';

const GROUP_FEED = /^\/api\/v1\/groups\/([^/]+)\/posts$/;

/** Whether `answerApiRead` takes the request: a group's feed read with an API token. */
export function isFastApiRead(req: IncomingMessage): boolean {
	const url = req.url ?? '';
	return (
		req.method === 'GET' &&
		!!req.headers.authorization?.startsWith('Bearer ') &&
		GROUP_FEED.test(url.split('?', 1)[0]) &&
		!url.includes('%00')
	);
}

/**
 * A group's feed read with an API token (`GET /api/v1/groups/{slug}/posts`: a school's website, a BIP
 * integration, an app), the most frequent signed-in request, answered on node:http before SvelteKit
 * (`server.ts`): building the request's Request and reading back its Response there costs as much as
 * the rest of it. The same function and the same answer as the route; anything else (a token it does
 * not know, a parameter or group the route refuses, an error) returns false and goes the usual way.
 */
export async function answerApiRead(
	rt: { ctx: Ctx; readCtx: Ctx; headers: string[] },
	req: IncomingMessage,
	res: ServerResponse
): Promise<boolean> {
	try {
		const url = new URL(req.url!, 'http://localhost');
		const slug = decodeURIComponent(GROUP_FEED.exec(url.pathname)![1]);
		const actor = await actorForApiToken(rt.ctx, req.headers.authorization!.slice(7).trim());
		if (!actor) return false;
		const body = await apiGroupFeed(readCtxFor(rt, actor.id), actor, { slug }, url);
		const json = JSON.stringify(body);
		res.writeHead(200, [...rt.headers, 'content-length', String(Buffer.byteLength(json))]);
		res.end(json);
		return true;
	} catch {
		return false;
	}
}

/** The headers of a JSON answer, as the route's passes through the request hook. */
export const jsonHeaders = (baseUrl: string): string[] =>
	[
		...withSecurityHeaders(new Response(null, { headers: { 'content-type': 'application/json' } }), baseUrl).headers
	].flat();
