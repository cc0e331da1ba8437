import type { AtomFeedResult, Conditional } from '../feed/atom';

/** The conditional-request headers of a feed request. */
export const conditionalOf = (request: Request): Conditional => ({
	ifNoneMatch: request.headers.get('if-none-match'),
	ifModifiedSince: request.headers.get('if-modified-since')
});

/** A feed as HTTP: 200 with the XML, or 304; both with the version's ETag and Last-Modified. */
export function atomResponse(feed: AtomFeedResult): Response {
	const headers = {
		etag: feed.etag,
		'last-modified': feed.lastModified.toUTCString(),
		// Readers may keep it, but ask again (cheaply, by ETag) before showing it.
		'cache-control': 'public, max-age=0, must-revalidate'
	};
	if (feed.notModified) return new Response(null, { status: 304, headers });
	return new Response(feed.xml, {
		headers: { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' }
	});
}
