import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresReachable, startServer, type Server } from './harness';

// The server delivers its outbox to a real SMTP server on loopback; killed in the middle of a
// message and started again, it loses and duplicates nothing.
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const reachable = await postgresReachable(serverUrl, 'the delivery crash test');

const dbName = `tablica_e2e_${randomBytes(5).toString('hex')}`;
const TOTAL = 40;
const STUCK_AT = 15;
let smtp: SMTPServer;
let port: number;
let server: Server | undefined;
let db: pg.Client;
const received: string[] = [];
let stuck: () => void = () => {};
let holdSubject: string | null = `Wiadomość ${STUCK_AT}`;

async function admin(sql: string) {
	const c = new pg.Client({ connectionString: serverUrl });
	await c.connect();
	await c.query(sql);
	await c.end();
}

describe.skipIf(!reachable)('outbox delivery survives a crash', () => {
	beforeAll(async () => {
		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			closeTimeout: 200,
			onData(stream, _session, cb) {
				simpleParser(stream).then((mail) => {
					// The chosen message is never acknowledged: the process is killed while it waits.
					if (mail.subject === holdSubject) {
						holdSubject = null;
						stuck();
						return;
					}
					received.push(mail.headers.get('x-tablica-outbox') as string);
					cb();
				}, cb);
			}
		});
		smtp.on('error', () => {});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		port = (smtp.server.address() as AddressInfo).port;
		await admin(`CREATE DATABASE ${dbName}`);
	});
	afterAll(async () => {
		await server?.stop();
		await db?.end();
		await new Promise<void>((resolve) => smtp?.close(() => resolve()));
		await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
	});

	it('sends every message exactly once across a kill -9 mid-message and a restart', async () => {
		const url = new URL(serverUrl);
		url.pathname = `/${dbName}`;
		// One SMTP connection: the messages go one by one, so the crash comes with exactly the held one
		// in flight (with more connections, those acknowledged and not yet marked would be sent again).
		const env = {
			SMTP_URL: `smtp://127.0.0.1:${port}?maxConnections=1`,
			SEED_DEMO: '0',
			JOBS: '1',
			OUTBOX_LEASE_MS: '1500'
		};
		const isStuck = new Promise<void>((resolve) => (stuck = resolve));
		// The first start migrates the database; messages are queued once it is there.
		server = await startServer({ databaseUrl: url.toString(), env: { ...env, SMTP_URL: 'smtp://127.0.0.1:1' } });
		await server.stop();
		db = new pg.Client({ connectionString: url.toString() });
		await db.connect();
		await db.query(`DELETE FROM outbox`);
		for (let i = 1; i <= TOTAL; i++) {
			await db.query(
				`INSERT INTO outbox (channel, recipient, subject, body_text, created_at) VALUES ('email', $1, $2, 'Treść', now() + ($3 || ' milliseconds')::interval - interval '1 minute')`,
				[`osoba${i}@example.pl`, `Wiadomość ${i}`, String(i)]
			);
		}
		server = await startServer({ databaseUrl: url.toString(), env });
		await isStuck;
		await server.kill();
		const sentBeforeCrash = Number((await db.query(`SELECT count(*) FROM outbox WHERE status = 'sent'`)).rows[0].count);
		expect(sentBeforeCrash).toBe(STUCK_AT - 1);
		expect(received).toHaveLength(STUCK_AT - 1);

		server = await startServer({ databaseUrl: url.toString(), env });
		await expect
			.poll(async () => Number((await db.query(`SELECT count(*) FROM outbox WHERE status = 'sent'`)).rows[0].count), {
				timeout: 60_000,
				interval: 500
			})
			.toBe(TOTAL);
		const ids = (await db.query(`SELECT id FROM outbox ORDER BY id`)).rows.map((r) => String(r.id));
		expect([...received].sort()).toEqual([...ids].sort());
		expect(new Set(received).size).toBe(TOTAL);
	}, 180_000);
});
