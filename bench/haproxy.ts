// HAProxy in front of several app processes (issue 18), for the bench and the e2e test: the config,
// the process, its runtime API (take a server out and back) and a live-update reader that behaves
// as a browser's EventSource (reconnects after the stream's `retry:`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const HAPROXY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';
export const hasHaproxy = existsSync(HAPROXY);

export interface Backend {
	name: string;
	port: number;
}

/**
 * Round robin over the instances, each checked on /api/v1/health every second (out after two
 * failures); a request whose connection fails is retried on another server; live streams stay open
 * (pings every 25 s are under the server and client timeouts); each answer names its server.
 */
export function haproxyConfig(opts: { port: number; socket: string; backends: Backend[] }): string {
	return `global
	maxconn 4096
	stats socket ${opts.socket} mode 600 level admin

defaults
	mode http
	timeout connect 2s
	timeout client 60s
	timeout server 60s
	timeout tunnel 1h
	timeout http-keep-alive 10s
	timeout queue 10s
	retries 3
	option redispatch 1

frontend web
	bind 127.0.0.1:${opts.port}
	option forwardfor
	default_backend app

backend app
	balance roundrobin
	option httpchk
	http-check send meth GET uri /api/v1/health ver HTTP/1.1 hdr Host localhost
	http-check expect status 200
	default-server inter 1s fall 2 rise 2
	http-response set-header X-Served-By %[srv_name]
${opts.backends.map((b) => `	server ${b.name} 127.0.0.1:${b.port} check`).join('\n')}
`;
}

export interface Haproxy {
	url: string;
	config: string;
	/** Takes a server out of the rotation (maintenance) or puts it back. */
	setEnabled(name: string, enabled: boolean): Promise<void>;
	/** The servers' state as HAProxy sees it: name → UP, DOWN, MAINT… */
	states(): Promise<Record<string, string>>;
	stop(): Promise<void>;
}

async function command(socket: string, line: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const c = createConnection(socket);
		let out = '';
		c.on('data', (d) => (out += d));
		c.on('end', () => resolve(out));
		c.on('error', reject);
		c.write(`${line}\n`);
	});
}

/** Starts `haproxy -f cfg -db` on `port` in front of the backends; resolves once it answers. */
export async function startHaproxy(port: number, backends: Backend[]): Promise<Haproxy> {
	const dir = mkdtempSync(path.join(tmpdir(), 'tablica-haproxy-'));
	const socket = path.join(dir, 'admin.sock');
	const config = haproxyConfig({ port, socket, backends });
	const file = path.join(dir, 'haproxy.cfg');
	writeFileSync(file, config);
	let output = '';
	const child: ChildProcess = spawn(HAPROXY, ['-f', file, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const states = async () => {
		const csv = await command(socket, 'show stat');
		const r: Record<string, string> = {};
		for (const line of csv.split('\n')) {
			const f = line.split(',');
			if (f[0] === 'app' && f[1] !== 'BACKEND') r[f[1]] = f[17];
		}
		return r;
	};
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`haproxy exited: ${output}`);
		const up = await states()
			.then((s) => backends.every((b) => s[b.name] === 'UP'))
			.catch(() => false);
		if (up) break;
		if (i > 300) throw new Error(`haproxy: the servers did not come up: ${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		config,
		states,
		async setEnabled(name, enabled) {
			await command(socket, `set server app/${name} state ${enabled ? 'ready' : 'maint'}`);
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await new Promise((r) => child.once('exit', r));
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A live-update reader as a browser's EventSource: on a dropped stream it reconnects after the
 * `retry:` the server sent. Records each connection's server (X-Served-By) and each event.
 */
export class LiveReader {
	connections: { servedBy: string; at: number }[] = [];
	events: { data: string; at: number }[] = [];
	drops: number[] = [];
	private retryMs = 2000;
	private abort = new AbortController();
	private closed = false;

	constructor(private readonly url: string) {
		void this.run();
	}

	/** The server of the current connection. */
	get servedBy(): string | undefined {
		return this.connections.at(-1)?.servedBy;
	}

	close() {
		this.closed = true;
		this.abort.abort();
	}

	private async run() {
		while (!this.closed) {
			try {
				const r = await fetch(this.url, { signal: this.abort.signal, headers: { accept: 'text/event-stream' } });
				if (r.ok && r.body) {
					this.connections.push({ servedBy: r.headers.get('x-served-by') ?? '', at: Date.now() });
					await this.read(r.body);
				}
			} catch {
				/* dropped: reconnect below */
			}
			if (this.closed) return;
			this.drops.push(Date.now());
			await new Promise((r) => setTimeout(r, this.retryMs));
		}
	}

	private async read(body: ReadableStream<Uint8Array>) {
		const decoder = new TextDecoder();
		let buffer = '';
		for await (const chunk of body) {
			buffer += decoder.decode(chunk, { stream: true });
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data: string[] = [];
				for (const line of block.split('\n')) {
					if (line.startsWith('retry:')) this.retryMs = Number(line.slice(6).trim()) || this.retryMs;
					else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
				}
				if (data.length) this.events.push({ data: data.join('\n'), at: Date.now() });
			}
		}
	}
}
