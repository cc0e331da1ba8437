import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { DB } from './schema';
import { AppError } from '../core/errors';
import { NUL_MESSAGE } from '../core/validation';
import { log } from '../core/logger';
import * as m0001 from './migrations/0001_initial';
import * as m0002 from './migrations/0002_comment_moderation';
import * as m0003 from './migrations/0003_moderation_workflow';
import * as m0004 from './migrations/0004_package';
import * as m0005 from './migrations/0005_urgent_alerts';
import * as m0006 from './migrations/0006_authoring';
import * as m0007 from './migrations/0007_delivery';
import * as m0008 from './migrations/0008_support';
import * as m0009 from './migrations/0009_web_push';
import * as m0010 from './migrations/0010_ticket_attachments';
import * as m0011 from './migrations/0011_statistics';
import * as m0012 from './migrations/0012_public_site';
import * as m0013 from './migrations/0013_billing';
import * as m0014 from './migrations/0014_contracts';
import * as m0015 from './migrations/0015_abuse_limits';
import * as m0016 from './migrations/0016_counting_and_push';
import * as m0017 from './migrations/0017_idempotency';
import * as m0018 from './migrations/0018_data_exports';
import * as m0019 from './migrations/0019_places_and_alerts';
import * as m0020 from './migrations/0020_phone_verification';
import * as m0021 from './migrations/0021_terms_and_consent';
import * as m0022 from './migrations/0022_comment_edits';
import * as m0025 from './migrations/0025_order_units';
import * as m0026 from './migrations/0026_sanction_basis';
import * as m0027 from './migrations/0027_post_text_changed';
import * as m0028 from './migrations/0028_subscription_packages';
import * as m0029 from './migrations/0029_weekly_digest';
import * as m0030 from './migrations/0030_package_sales';
import * as m0031 from './migrations/0031_promotions';
import * as m0032 from './migrations/0032_view_partitions';
import * as m0033 from './migrations/0033_sign_in_changes';
import * as m0034 from './migrations/0034_group_viewers';
import * as m0035 from './migrations/0035_anonymous_viewers';
import * as m0036 from './migrations/0036_questions';
import * as m0037 from './migrations/0037_post_follows';
import * as m0038 from './migrations/0038_event_responses';
import * as m0039 from './migrations/0039_polls';
import * as m0040 from './migrations/0040_conversations';
import * as m0041 from './migrations/0041_mentions';
import * as m0042 from './migrations/0042_push_quiet_hours';
import * as m0043 from './migrations/0043_ksef_client';
import * as m0044 from './migrations/0044_outbox_attachments';
import * as m0045 from './migrations/0045_ksef_offline_certificate';

// A `date` is a calendar day, not an instant: keep "YYYY-MM-DD" instead of a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<DB>;

/** Runs an `INSERT … SELECT` (without RETURNING) and tells how many rows it wrote. */
export async function insertedCount(db: Db, insert: ReturnType<typeof sql>): Promise<number> {
	const r = await sql<{ n: string }>`WITH ins AS (${insert} RETURNING 1) SELECT count(*) AS n FROM ins`.execute(db);
	return Number(r.rows[0].n);
}

/** A change seen by every instance: a new post, new counts, a new comment, a private message. */
export type LiveEvent =
	| { type: 'post'; groupId: string; postId: string }
	| {
			type: 'counts';
			groupId: string;
			postId: string;
			comments: number;
			reactions: number;
			views: number;
			shares: number;
	  }
	| { type: 'comment'; groupId: string; postId: string; commentId: string }
	/** A private message: only ids, for its two people's streams (the text never leaves the database this way). */
	| { type: 'message'; conversationId: string; messageId: string; userIds: string[] };

const CHANNEL = 'tablica_events';
const SIGN_IN_CHANNEL = 'tablica_sign_in';

function makeSignInChanges() {
	const listeners = new Set<(userId: string | null) => void>();
	return {
		emit: (userId: string | null) => listeners.forEach((l) => l(userId)),
		subscribe(listener: (userId: string | null) => void) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		}
	};
}

export interface Notifier {
	/** Queues the event in the caller's transaction: other instances see it when that commits. */
	publish(db: Db, event: LiveEvent): Promise<void>;
	subscribe(listener: (event: LiveEvent) => void): () => void;
}

/**
 * Whose sign-in may have changed (a session or token ended, the person's name or rights changed):
 * the user's id, announced by database triggers on every write; null when some announcements may
 * have been missed (the listening connection was lost), so anything kept should go.
 */
export interface SignInChanges {
	subscribe(listener: (userId: string | null) => void): () => void;
}

export interface Database {
	db: Db;
	notifier: Notifier;
	signInChanges: SignInChanges;
	/** Plain SQL on the pool, outside Kysely: for pg-boss, which brings its own queries. */
	executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

const migrations: Record<string, Migration> = {
	'0001_initial': m0001,
	'0002_comment_moderation': m0002,
	'0003_moderation_workflow': m0003,
	'0004_package': m0004,
	'0005_urgent_alerts': m0005,
	'0006_authoring': m0006,
	'0007_delivery': m0007,
	'0008_support': m0008,
	'0009_web_push': m0009,
	'0010_ticket_attachments': m0010,
	'0011_statistics': m0011,
	'0012_public_site': m0012,
	'0013_billing': m0013,
	'0014_contracts': m0014,
	'0015_abuse_limits': m0015,
	'0016_counting_and_push': m0016,
	'0017_idempotency': m0017,
	'0018_data_exports': m0018,
	'0019_places_and_alerts': m0019,
	'0020_phone_verification': m0020,
	'0021_terms_and_consent': m0021,
	'0022_comment_edits': m0022,
	'0025_order_units': m0025,
	'0026_sanction_basis': m0026,
	'0027_post_text_changed': m0027,
	'0028_subscription_packages': m0028,
	'0029_weekly_digest': m0029,
	'0030_package_sales': m0030,
	'0031_promotions': m0031,
	'0032_view_partitions': m0032,
	'0033_sign_in_changes': m0033,
	'0034_group_viewers': m0034,
	'0035_anonymous_viewers': m0035,
	'0036_questions': m0036,
	'0037_post_follows': m0037,
	'0038_event_responses': m0038,
	'0039_polls': m0039,
	'0040_conversations': m0040,
	'0041_mentions': m0041,
	'0042_push_quiet_hours': m0042,
	'0043_ksef_client': m0043,
	'0044_outbox_attachments': m0044,
	'0045_ksef_offline_certificate': m0045
};

export async function migrate(db: Db): Promise<void> {
	// Kysely's PostgreSQL adapter takes an advisory lock, so concurrent starts migrate once.
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

function makeNotifier(listen: (onPayload: (payload: string) => void) => void): Notifier {
	const listeners = new Set<(event: LiveEvent) => void>();
	listen((payload) => {
		let event: LiveEvent;
		try {
			event = JSON.parse(payload);
		} catch {
			return;
		}
		for (const l of listeners) l(event);
	});
	return {
		async publish(db, event) {
			await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`.execute(db);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}

/**
 * Hands Kysely a pool whose parameterised queries are named prepared statements, so PostgreSQL
 * parses and plans each query shape once per connection instead of on every request. Queries
 * without parameters (migrations, BEGIN/COMMIT) go as plain text, multi-statement SQL included.
 */
function preparingPool(pool: pg.Pool) {
	const names = new Map<string, string>();
	const nameOf = (text: string) => {
		let name = names.get(text);
		if (!name) {
			name = `k${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
			if (names.size < 10_000) names.set(text, name);
		}
		return name;
	};
	return {
		async connect() {
			const client = await pool.connect();
			return {
				query: async (text: string, values?: unknown[]) => {
					// The last line behind the request hook (multipart form fields, anything else): PostgreSQL
					// would answer a NUL in text with an error that says nothing to the person.
					if (values?.some((v) => typeof v === 'string' && v.includes('\0')))
						throw new AppError('validation', NUL_MESSAGE);
					return values && values.length > 0
						? client.query({ name: nameOf(text), text, values })
						: client.query(text, values);
				},
				release: () => client.release()
			};
		},
		end: () => pool.end()
	};
}

/** PostgreSQL server: a pool for queries and one dedicated connection that listens. */
export async function openPostgres(url: string, opts: { poolSize?: number; listen?: boolean } = {}): Promise<Database> {
	// A server that does not answer fails requests after 5 s instead of holding them forever.
	const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5000 });
	// An idle connection that the server drops (restart, admin command) must not crash the process;
	// the pool replaces it on the next query.
	pool.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost'));
	// A connection the server drops while it is checked out, by Kysely or by `pool.query` (pg-boss,
	// health), emits 'error' on its client, which kills the process without a listener; the pool
	// takes its own listener off while a client is out, and `pool.query` listens only once (a
	// dropped connection can emit twice). So every connection listens for its whole life; the query
	// in flight fails, and the pool discards the client when it comes back.
	pool.on('connect', (client) =>
		client.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost during a query'))
	);
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) as never }) });
	let listener: pg.Client | undefined;
	let closed = false;
	let emit: (payload: string) => void = () => {};
	const signInChanges = makeSignInChanges();
	const connectListener = async (): Promise<void> => {
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
		client.on('notification', (msg) => {
			if (msg.channel === SIGN_IN_CHANNEL) signInChanges.emit(msg.payload ?? null);
			else if (msg.payload) emit(msg.payload);
		});
		let lost = false;
		const reconnect = () => {
			if (closed || lost) return;
			lost = true;
			listener = undefined;
			signInChanges.emit(null);
			log.warn('PostgreSQL LISTEN connection lost: reconnecting');
			void retry(1);
		};
		client.on('error', reconnect);
		client.on('end', reconnect);
		try {
			await client.connect();
			await client.query(`LISTEN ${CHANNEL}; LISTEN ${SIGN_IN_CHANNEL}`);
		} catch (err) {
			lost = true;
			await client.end().catch(() => {});
			throw err;
		}
		listener = client;
	};
	// Backoff from 0.5 s up to 10 s until the server takes the connection again.
	const retry = async (attempt: number): Promise<void> => {
		await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
		if (closed) return;
		await connectListener().then(
			() => signInChanges.emit(null),
			(err) => {
				log.warn({ err: err.message, attempt }, 'PostgreSQL LISTEN reconnect failed');
				return retry(attempt + 1);
			}
		);
	};
	// A replica (read-only pool) cannot LISTEN; its process hears events through the primary's pool.
	if (opts.listen !== false) await connectListener();
	const notifier = makeNotifier((fn) => (emit = fn));
	return {
		db,
		notifier,
		signInChanges,
		executeSql: (text, values) => pool.query(text, values),
		kind: 'postgres',
		async close() {
			closed = true;
			await listener?.end().catch(() => {});
			await db.destroy();
		}
	};
}

/** Embedded PGlite: on disk under dataDir, or in memory when dataDir is undefined. */
export async function openPGlite(dataDir?: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
	if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
	const pglite: PGlite = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm } });
	const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) as never }) });
	let emit: (payload: string) => void = () => {};
	const unlisten = await pglite.listen(CHANNEL, (payload) => emit(payload));
	const signInChanges = makeSignInChanges();
	const unlistenSignIn = await pglite.listen(SIGN_IN_CHANNEL, (userId) => signInChanges.emit(userId));
	const notifier = makeNotifier((fn) => (emit = fn));
	return {
		db,
		notifier,
		signInChanges,
		executeSql: (text, values) => pool.query(text, values),
		kind: 'pglite',
		async close() {
			await unlisten();
			await unlistenSignIn();
			await db.destroy();
			await pglite.close();
		}
	};
}

/**
 * A fresh, migrated database that disappears on close: a new database on the PostgreSQL server at
 * `serverUrl` (dropped again on close), or in-memory PGlite when none is given. For tests and tools.
 */
export async function openScratchDatabase(
	serverUrl: string | undefined,
	opts: { prefix: string; poolSize: number }
): Promise<Database> {
	if (!serverUrl) {
		const database = await openPGlite();
		await migrate(database.db);
		return database;
	}
	const name = `${opts.prefix}_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openPostgres(url.toString(), { poolSize: opts.poolSize });
	await migrate(database.db);
	return {
		...database,
		async close() {
			await database.close();
			const a = new pg.Client({ connectionString: serverUrl });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		}
	};
}
