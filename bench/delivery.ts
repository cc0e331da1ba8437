// Outbox throughput: e-mails delivered per second to an SMTP server on loopback, one message at
// a time as the delivery job sends them (claim, send, mark). `npm run bench -- --delivery-only`.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { systemClock } from '../src/lib/server/core/clock';
import { migrate, openPGlite, openPostgres, type Database } from '../src/lib/server/db/database';
import { deliverDue, emailTransport } from '../src/lib/server/notify/delivery';
import { freshPgDatabase } from './common';

async function once(database: Database, port: number, messages: number): Promise<number> {
	await migrate(database.db);
	await sql`DELETE FROM outbox`.execute(database.db);
	await sql`INSERT INTO outbox (channel, recipient, subject, body_text, created_at)
		SELECT 'email', 'osoba' || i || '@example.pl', 'Komunikat ' || i, 'Dzień dobry, to jest wiadomość numer ' || i || '.', now() - interval '1 minute'
		FROM generate_series(1, ${messages}) i`.execute(database.db);
	const transport = emailTransport({
		smtpUrl: `smtp://127.0.0.1:${port}`,
		mailFrom: 'Tablica <powiadomienia@tablica.test>',
		mailReplyTo: 'pomoc@tablica.test'
	})!;
	const t = performance.now();
	let sent = 0;
	while (sent < messages) {
		const r = await deliverDue(database.db, systemClock, { email: transport }, { limit: messages });
		if (r.sent === 0) throw new Error('delivery stalled');
		sent += r.sent;
	}
	return messages / ((performance.now() - t) / 1000);
}

export async function benchDelivery(opts: { pgServer: string; messages: number; runs: number }) {
	let received = 0;
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		closeTimeout: 200,
		disableReverseLookup: true,
		onData: (stream, _s, cb) => {
			stream.on('data', () => {});
			stream.on('end', () => {
				received++;
				cb();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	const port = (smtp.server.address() as AddressInfo).port;
	const out: Record<string, number[]> = { pglite: [], postgres: [] };
	const lite = await openPGlite();
	for (let i = 0; i < opts.runs; i++) out.pglite.push(await once(lite, port, opts.messages));
	await lite.close();
	const database = await openPostgres(await freshPgDatabase(opts.pgServer, 'tablica_bench_delivery'));
	for (let i = 0; i < opts.runs; i++) out.postgres.push(await once(database, port, opts.messages));
	await database.close();
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
	for (const [db, rates] of Object.entries(out))
		console.log(
			`outbox → loopback SMTP, ${db}: ${rates.map((r) => `${Math.round(r)}`).join(', ')} messages/s (${opts.messages} e-mails a run; received ${received} in all)`
		);
	return { messages: opts.messages, ...out };
}
