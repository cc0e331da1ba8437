import { describe, expect, it } from 'vitest';
import { isEmbeddable, withSecurityHeaders } from './security-headers';

describe('withSecurityHeaders', () => {
	it('sends HSTS when the public address is https', () => {
		const r = withSecurityHeaders(new Response('ok'), 'https://tablica.example.pl');
		expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('does not on plain http (it would lock a plain-http install out of browsers)', () => {
		const r = withSecurityHeaders(new Response('ok'), 'http://localhost:3000');
		expect(r.headers.get('strict-transport-security')).toBeNull();
		expect(r.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('framing', () => {
	const svelteCsp = "default-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
	const page = () => new Response('<p>ok</p>', { headers: { 'content-security-policy': svelteCsp } });

	it('only the group widget may be framed', () => {
		expect(isEmbeddable('/osadz/wiskitki')).toBe(true);
		expect(isEmbeddable('/osadz/wiskitki/')).toBe(true);
		for (const path of [
			'/',
			'/g/wiskitki',
			'/osadz',
			'/osadz/',
			'/osadz/wiskitki/x',
			'/urzad/osadz/wiskitki',
			'/logowanie'
		])
			expect(isEmbeddable(path)).toBe(false);
	});

	it('lets any site frame an embeddable page, keeping the rest of the CSP', () => {
		const r = withSecurityHeaders(page(), 'https://tablica.example.pl', true);
		expect(r.headers.get('x-frame-options')).toBeNull();
		expect(r.headers.get('content-security-policy')).toBe(
			"default-src 'self'; script-src 'self'; frame-ancestors *; form-action 'self'"
		);
		expect(
			withSecurityHeaders(new Response('x'), 'http://localhost', true).headers.get('content-security-policy')
		).toBe('frame-ancestors *');
	});

	it('refuses framing of every other page', () => {
		const r = withSecurityHeaders(page(), 'https://tablica.example.pl');
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(r.headers.get('content-security-policy')).toBe(svelteCsp);
	});
});
