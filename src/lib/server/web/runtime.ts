import { setMaxListeners } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { BlockList } from 'node:net';
import path from 'node:path';
import { AnonymousPageCache } from '../cache/anonymous-pages';
import { FeedRowCache } from '../cache/feed-rows';
import { ActorCache, ACTOR_CACHE_MS } from '../auth/actor-cache';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFromPageCache } from './cached-pages';
import { answerApiRead, isFastApiRead, jsonHeaders } from './api-fast-path';
import { ViewRecorder } from '../feed/view-recorder';
import { parseTrustedProxies } from '../core/client-address';
import { processClock } from '../core/clock';
import { readConfig, type Config } from '../core/config';
import type { Ctx } from '../core/context';
import { migrate, openPGlite, openPostgres, type Database } from '../db/database';
import { seedDemo, demoAccounts } from '../demo/seed-demo';
import { reportStartup } from '../core/startup';
import { startJobs, type Jobs } from '../jobs/jobs';
import { transportsFrom } from '../notify/delivery';
import { pushTransport, vapidKeys } from '../notify/push';
import { loadLexicon } from '../moderation/engine';
import { log } from '../core/logger';
import {
	countMunicipalities,
	importMunicipalities,
	importTerytFile,
	parseTerytCsv
} from '../municipalities/municipalities';
import { demoMunicipalitiesCsv } from '../municipalities/demo-municipalities';

export interface Runtime {
	config: Config;
	database: Database;
	/** Background jobs of this process; null when `JOBS=0`. */
	jobs: Jobs | null;
	ctx: Ctx;
	mediaDir: string;
	/** Residents' data exports (ZIP files, kept 7 days): DATA_DIR/exports. */
	exportsDir: string;
	/**
	 * `ctx` on the read replica (DATABASE_READ_URL) for public, read-only pages: feeds, posts' pages,
	 * public statistics and documents (hooks.server.ts picks it per request); `ctx` when none.
	 */
	readCtx: Ctx;
	pageCache: AnonymousPageCache;
	/** Answers an anonymous request the page cache holds, on node:http (`server.ts`); false: go on. */
	answerFromCache(req: IncomingMessage, res: ServerResponse): boolean;
	/**
	 * Answers a group's feed read with an API token on node:http (`server.ts`): false at once for any
	 * other request, or a promise of false when it sent nothing after all; SvelteKit answers those.
	 */
	answerApiRead(req: IncomingMessage, res: ServerResponse): Promise<boolean> | false;
	/** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); null: the peer is the client. */
	trustedProxies: BlockList | null;
	demoAccounts: typeof demoAccounts | null;
	/**
	 * Aborted when a graceful shutdown begins (`endLiveStreams`): live-update streams end, and their
	 * readers reconnect, through the proxy, to another instance.
	 */
	stopping: AbortSignal;
	endLiveStreams(): void;
	/**
	 * Requests whose handling has not finished (the request hook's `resolve`): a graceful shutdown
	 * waits for them too, as a request whose client went away goes on running.
	 */
	handling(): number;
	/** Counts `work` among the requests being handled until it settles. */
	handle<T>(work: () => Promise<T>): Promise<T>;
	/** Stops the jobs (letting a running one finish), writes the buffered views, then closes the database. */
	close(): Promise<void>;
}

// One runtime per process, shared by the SvelteKit bundle and server.ts (which load separate
// copies of this module), so it lives on globalThis.
const holder = globalThis as unknown as { __tablicaRuntime?: Promise<Runtime> };

/**
 * KSEF_SECRET_KEY, or in the demo a random key kept in DATA_DIR/ksef-secret.key (made once), so the
 * demo can be pointed at a KSeF test server; a real installation sets the variable (operations.md).
 */
export function ksefSecret(config: Config): string | undefined {
	if (config.ksefSecretKey || !config.demo) return config.ksefSecretKey;
	const file = path.join(config.dataDir, 'ksef-secret.key');
	if (!existsSync(file)) {
		mkdirSync(config.dataDir, { recursive: true });
		writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
	}
	return readFileSync(file, 'utf8').trim();
}

export async function openDatabase(config: Config): Promise<Database> {
	return config.databaseUrl ? openPostgres(config.databaseUrl) : openPGlite(path.join(config.dataDir, 'pglite'));
}

/** Loads the municipalities once: the full TERYT register when the reference data is there. */
export async function ensureMunicipalities(ctx: Ctx, config: Config): Promise<void> {
	if ((await countMunicipalities(ctx.db)) > 0) return;
	const file = config.referenceDataDir && path.join(config.referenceDataDir, 'teryt', 'gminy-2024-01-01.csv');
	if (file && existsSync(file)) {
		const n = await importTerytFile(ctx.db, file);
		log.info({ file, municipalities: n }, 'Wczytano rejestr TERYT');
	} else {
		await importMunicipalities(ctx.db, parseTerytCsv(demoMunicipalitiesCsv));
		log.warn(
			'Brak pełnego rejestru TERYT: wczytano gminy demonstracyjne. Pełny rejestr: npm run --silent cli -- import-teryt PLIK.csv'
		);
	}
}

async function start(): Promise<Runtime> {
	const config = readConfig();
	// How long each stage of the start took (ms), in the "ready" log line: `npm run bench -- --first-start` reads it.
	const stages: Record<string, number> = {};
	let mark = performance.now();
	const stageDone = (name: string) => {
		const now = performance.now();
		stages[name] = Math.round(now - mark);
		mark = now;
	};
	const database = await openDatabase(config);
	stageDone('openMs');
	reportStartup('Przygotowanie bazy danych…');
	await migrate(database.db);
	stageDone('migrationsMs');
	const mediaDir = path.join(config.dataDir, 'media');
	const exportsDir = path.join(config.dataDir, 'exports');
	const clock = processClock(config.clockStart);
	if (config.clockStart)
		log.warn(
			{ now: clock.now().toISOString() },
			'Zegar serwera przesunięty (TABLICA_NOW): czas biegnie od podanej chwili'
		);
	const views = new ViewRecorder(database.db, clock, { intervalMs: config.viewsFlushMs });
	const ctx: Ctx = {
		db: database.db,
		clock,
		notifier: database.notifier,
		baseUrl: config.baseUrl,
		supportEmail: config.supportEmail,
		contactInboxes: config.contactInboxes,
		exportsDir,
		lexicon: loadLexicon(config.referenceDataDir),
		feedRows: new FeedRowCache(database.notifier, config.feedCacheMs),
		actors: new ActorCache(database.signInChanges, ACTOR_CACHE_MS),
		views,
		ksefSecretKey: ksefSecret(config),
		referenceDataDir: config.referenceDataDir
	};
	stageDone('lexiconMs');
	reportStartup('Wczytywanie rejestru gmin (TERYT)…');
	await ensureMunicipalities(ctx, config);
	stageDone('terytMs');
	if (config.demo) {
		// Seeding takes a while on a first start: say what is happening.
		const seeded = await seedDemo(ctx, (message) => {
			console.log(message);
			reportStartup(message);
		});
		if (seeded) log.info('Wczytano dane demonstracyjne (grupa Wiskitki)');
		stageDone('demoMs');
	}
	await vapidKeys(database.db);
	const jobs: Jobs | null = config.jobs
		? await startJobs(database, ctx, {
				transports: {
					...transportsFrom(config),
					push: pushTransport(database.db, `mailto:${config.supportEmail}`, config.baseUrl)
				},
				leaseMs: config.outboxLeaseMs,
				exports: { mediaDir, exportsDir },
				imgw: config.imgwBaseUrl ? { baseUrl: config.imgwBaseUrl, pollSeconds: config.imgwPollSeconds } : undefined
			})
		: null;
	stageDone('jobsMs');
	log.info({ database: database.kind, jobs: !!jobs, stages }, 'Baza danych gotowa');
	const replica = config.databaseReadUrl ? await openPostgres(config.databaseReadUrl, { listen: false }) : null;
	const pageCache = new AnonymousPageCache(database.notifier, config.anonymousCacheMs);
	const trustedProxies = parseTrustedProxies(config.trustedProxies.join(','));
	const stopping = new AbortController();
	// Every open live stream listens to it.
	setMaxListeners(0, stopping.signal);
	let handling = 0;
	const readCtx = replica ? { ...ctx, db: replica.db } : ctx;
	const apiRead = { ctx, readCtx, headers: jsonHeaders(ctx.baseUrl) };
	const handle = async <T>(work: () => Promise<T>): Promise<T> => {
		handling++;
		try {
			return await work();
		} finally {
			handling--;
		}
	};
	return {
		config,
		database,
		jobs,
		ctx,
		readCtx,
		mediaDir,
		exportsDir,
		pageCache,
		answerFromCache: (req, res) => answerFromPageCache({ ctx, pageCache, trustedProxies }, req, res),
		answerApiRead: (req, res) => isFastApiRead(req) && handle(() => answerApiRead(apiRead, req, res)),
		trustedProxies,
		demoAccounts: config.demo ? demoAccounts : null,
		stopping: stopping.signal,
		endLiveStreams: () => stopping.abort(),
		handling: () => handling,
		handle,
		async close() {
			stopping.abort();
			// Nothing may use the database once it is closed: first the jobs (a running one finishes),
			// then the views still buffered (requests have ended by now).
			await jobs?.stop();
			await views.close();
			await replica?.close();
			await database.close();
		}
	};
}

export function runtime(): Promise<Runtime> {
	holder.__tablicaRuntime ??= start();
	return holder.__tablicaRuntime;
}

export async function closeRuntime(): Promise<void> {
	const r = holder.__tablicaRuntime;
	holder.__tablicaRuntime = undefined;
	if (r) await (await r).close();
}
