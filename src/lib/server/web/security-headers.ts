/**
 * Pages other sites may show in an <iframe>: only the group widget (`/osadz/{slug}`), meant for the
 * municipality's website and BIP. Every other page refuses framing (clickjacking).
 */
export function isEmbeddable(pathname: string): boolean {
	return /^\/osadz\/[^/]+\/?$/.test(pathname);
}

/**
 * Headers every response gets; HSTS only when the public address is https (a plain-http install would lock itself out).
 * Framing is refused (`X-Frame-Options: DENY`, and `frame-ancestors 'none'` in the CSP from svelte.config.js)
 * except on an embeddable page, which any site may frame.
 */
export function withSecurityHeaders(response: Response, baseUrl: string, embeddable = false): Response {
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (embeddable) {
		response.headers.delete('X-Frame-Options');
		const csp = response.headers.get('Content-Security-Policy');
		response.headers.set(
			'Content-Security-Policy',
			csp
				? /frame-ancestors[^;]*/.test(csp)
					? csp.replace(/frame-ancestors[^;]*/, 'frame-ancestors *')
					: `${csp}; frame-ancestors *`
				: 'frame-ancestors *'
		);
	} else response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (baseUrl.startsWith('https://'))
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
}
