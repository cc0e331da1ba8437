import { describe, expect, it } from 'vitest';
import { assertBodyWithinLimit, bodyLimit, MAX_BODY_BYTES } from './body-limits';

const MB = 1024 * 1024;
const headers = (h: Record<string, string>) => new Headers(h);

describe('body limits', () => {
	it('allows 15 MB only for a signed-in form with files on a route that takes files', () => {
		const multipart = 'multipart/form-data; boundary=x';
		expect(bodyLimit('/g/wiskitki', multipart, true)).toBe(MAX_BODY_BYTES);
		expect(bodyLimit('/pomoc', multipart, true)).toBe(15 * MB);
		expect(bodyLimit('/pomoc/12', multipart, true)).toBe(15 * MB);
		expect(bodyLimit('/urzad/jednostki/3', multipart, true)).toBe(15 * MB);
		expect(bodyLimit('/g/wiskitki', 'application/x-www-form-urlencoded', true)).toBe(MB);
		expect(bodyLimit('/konto', multipart, true)).toBe(MB);
		expect(bodyLimit('/api/v1/groups/wiskitki/posts', 'application/json', true)).toBe(MB);
		expect(bodyLimit('/g/wiskitki/p/5', multipart, true)).toBe(MB);
	});

	it('keeps anonymous requests at 64 kB, files or not', () => {
		expect(bodyLimit('/g/wiskitki', 'multipart/form-data; boundary=x', false)).toBe(64 * 1024);
		expect(bodyLimit('/logowanie', 'application/x-www-form-urlencoded', false)).toBe(64 * 1024);
		expect(bodyLimit('/api/v1/views', 'application/json', false)).toBe(64 * 1024);
	});

	it('refuses by the declared length before reading, and a body of undeclared length', () => {
		expect(() => assertBodyWithinLimit('POST', headers({ 'content-length': String(MB) }), MB)).not.toThrow();
		expect(() => assertBodyWithinLimit('POST', headers({ 'content-length': String(MB + 1) }), MB)).toThrow(
			expect.objectContaining({ code: 'payload_too_large', message: 'Przesyłane dane są za duże: najwyżej 1 MB.' })
		);
		expect(() => assertBodyWithinLimit('POST', headers({ 'content-length': '70000' }), 64 * 1024)).toThrow(
			expect.objectContaining({ message: 'Przesyłane dane są za duże: najwyżej 64 kB bez logowania.' })
		);
		expect(() => assertBodyWithinLimit('PUT', headers({ 'transfer-encoding': 'chunked' }), MB)).toThrow(
			expect.objectContaining({ code: 'payload_too_large' })
		);
		expect(() => assertBodyWithinLimit('POST', headers({ 'content-length': '-1' }), MB)).toThrow(
			expect.objectContaining({ code: 'validation' })
		);
		expect(() => assertBodyWithinLimit('POST', headers({}), MB)).not.toThrow();
		expect(() => assertBodyWithinLimit('GET', headers({ 'content-length': String(100 * MB) }), MB)).not.toThrow();
	});
});
