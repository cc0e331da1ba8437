/** Headers every response gets; HSTS only when the public address is https (a plain-http install would lock itself out). */
export function withSecurityHeaders(response: Response, baseUrl: string): Response {
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (baseUrl.startsWith('https://'))
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
}
