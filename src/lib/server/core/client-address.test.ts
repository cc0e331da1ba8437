import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';
import { readConfig } from './config';

describe('clientAddress', () => {
	const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');

	it('without trusted proxies the peer is the client, whatever X-Forwarded-For says', () => {
		expect(clientAddress('203.0.113.7', '1.2.3.4', null)).toBe('203.0.113.7');
		expect(clientAddress('::ffff:203.0.113.7', null, null)).toBe('203.0.113.7');
	});

	it('ignores the header from a peer that is not a trusted proxy', () => {
		expect(clientAddress('203.0.113.7', '1.2.3.4', proxies)).toBe('203.0.113.7');
	});

	it('behind a trusted proxy reads the header from the right, skipping trusted hops', () => {
		expect(clientAddress('127.0.0.1', '198.51.100.4', proxies)).toBe('198.51.100.4');
		expect(clientAddress('::ffff:127.0.0.1', '198.51.100.4', proxies)).toBe('198.51.100.4');
		expect(clientAddress('10.0.0.2', '198.51.100.4, 10.1.2.3', proxies)).toBe('198.51.100.4');
		expect(clientAddress('fd00::1', '2001:db8::5', proxies)).toBe('2001:db8::5');
	});

	it('does not let the client choose its address by adding its own hops on the left', () => {
		expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.4', proxies)).toBe('198.51.100.4');
	});

	it('stops at garbage in the header and keeps the last address it could trust', () => {
		expect(clientAddress('127.0.0.1', 'nonsense, 10.0.0.3', proxies)).toBe('10.0.0.3');
		expect(clientAddress('127.0.0.1', '', proxies)).toBe('127.0.0.1');
	});

	it('refuses entries that are not addresses or ranges, at start-up', () => {
		expect(parseTrustedProxies('')).toBeNull();
		expect(parseTrustedProxies(' , ')).toBeNull();
		for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/1', '::1/129', '1.2.3'])
			expect(() => parseTrustedProxies(bad)).toThrow('TRUSTED_PROXIES');
		expect(() => readConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.local' })).toThrow('TRUSTED_PROXIES: "proxy.local"');
		expect(readConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' }).trustedProxies).toEqual([
			'10.0.0.0/8',
			'127.0.0.1'
		]);
	});
});
