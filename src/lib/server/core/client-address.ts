import { BlockList, isIP } from 'node:net';

/**
 * The trusted reverse proxies (`TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges,
 * IPv4 or IPv6). Throws on an entry that is neither, so a typo stops the start-up.
 */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
	const entries = (value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (!entries.length) return null;
	const list = new BlockList();
	for (const entry of entries) {
		const [address, bits, extra] = entry.split('/');
		const family = isIP(address);
		const prefix = bits === undefined ? null : Number(bits);
		const max = family === 4 ? 32 : 128;
		if (!family || extra !== undefined || (prefix !== null && (!/^\d{1,3}$/.test(bits) || prefix > max)))
			throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range`);
		const type = family === 4 ? 'ipv4' : 'ipv6';
		if (prefix === null) list.addAddress(address, type);
		else list.addSubnet(address, prefix, type);
	}
	return list;
}

/** "::ffff:10.0.0.1" → "10.0.0.1", so one client has one key whichever way it connected. */
function plain(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	return mapped ? mapped[1] : address;
}

function trusted(list: BlockList, address: string): boolean {
	const family = isIP(address);
	return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the direct peer, unless the peer is a trusted proxy, in which case
 * `X-Forwarded-For` is read from the right (the hop nearest to us) and the first address that is
 * not a trusted proxy is the client. Without trusted proxies the header is ignored, so nobody
 * can choose their own address by sending it.
 */
export function clientAddress(peer: string, forwardedFor: string | null, proxies: BlockList | null): string {
	let client = plain(peer);
	if (!proxies || !forwardedFor || !trusted(proxies, client)) return client;
	const hops = forwardedFor.split(',').map((s) => plain(s.trim()));
	for (let i = hops.length - 1; i >= 0; i--) {
		if (!isIP(hops[i])) return client;
		client = hops[i];
		if (!trusted(proxies, client)) return client;
	}
	return client;
}
