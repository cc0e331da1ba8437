import { describe, expect, it } from 'vitest';
import { withSecurityHeaders } from './security-headers';

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
