import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from './client-address';

const flag = z
	.enum(['0', '1', 'true', 'false', ''])
	.optional()
	.transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true'));

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	DATA_DIR: z.string().default('./data'),
	DATABASE_URL: z
		.string()
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	DATABASE_READ_URL: z
		.string()
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	BASE_URL: z
		.string()
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	SEED_DEMO: flag,
	REFERENCE_DATA_DIR: z.string().optional(),
	JOBS: flag,
	ANON_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
	FEED_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
	VIEWS_FLUSH_MS: z.coerce.number().int().min(100).max(3_600_000).default(1000),
	SMTP_URL: z
		.string()
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	MAIL_FROM: z.string().default('Tablica <powiadomienia@tablica.local>'),
	MAIL_REPLY_TO: z.string().default('pomoc@tablica.local'),
	SMSAPI_TOKEN: z
		.string()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	SMSAPI_URL: z.string().url().default('https://api.smsapi.pl'),
	SMS_SENDER: z.string().max(11).default('Tablica'),
	IMGW_BASE_URL: z
		.string()
		.url()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	IMGW_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
	KSEF_SECRET_KEY: z
		.string()
		.optional()
		.transform((v) => v || undefined)
		.refine((v) => v === undefined || v.length >= 16, 'at least 16 characters'),
	SUPPORT_EMAIL: z.string().email().default('pomoc@tablica.local'),
	CONTACT_JST_EMAIL: z.string().email().default('jst@pl-media.pl'),
	CONTACT_BUSINESS_EMAIL: z.string().email().default('poczta@pl-media.pl'),
	OUTBOX_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
	TRUSTED_PROXIES: z.string().default(''),
	TABLICA_NOW: z.iso
		.datetime({ offset: true })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export interface Config {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl?: string;
	/** A streaming replica of DATABASE_URL for public, read-only pages (docs/operations.md); none: all on one. */
	databaseReadUrl?: string;
	baseUrl: string;
	/** Demo mode: the demo data is seeded and demo helpers (the outbox viewer) are on. */
	demo: boolean;
	referenceDataDir?: string;
	/** Run background jobs (pg-boss) in this process. */
	jobs: boolean;
	/** How long an anonymous page (feed, post) may be reused as it was sent (0: never). */
	anonymousCacheMs: number;
	/** How long a group's page of posts (the shared data under every reader's feed) may be reused (0: never). */
	feedCacheMs: number;
	/** How often each process writes the post views it buffered (and on shutdown). */
	viewsFlushMs: number;
	logLevel: z.infer<typeof schema>['LOG_LEVEL'];
	/** Outgoing e-mail: SMTP server (e.g. smtp://user:pass@host:587); without it e-mails stay in the outbox. */
	smtpUrl?: string;
	mailFrom: string;
	mailReplyTo: string;
	/** SMSAPI.pl OAuth token; without it SMS stay in the outbox. */
	smsapiToken?: string;
	smsapiUrl: string;
	smsSender: string;
	/** IMGW-PIB's public API (https://danepubliczne.imgw.pl); without it warnings are not imported. */
	imgwBaseUrl?: string;
	/** How often IMGW is asked for warnings. */
	imgwPollSeconds: number;
	/** Seals the seller's KSeF token at rest; the demo makes one in DATA_DIR when unset (web/runtime.ts ksefSecret). */
	ksefSecretKey?: string;
	/** How long a claimed outbox message is one process's before another may send it (after a crash). */
	outboxLeaseMs: number;
	/** The support inbox: normal tickets are e-mailed here. */
	supportEmail: string;
	/** The contact forms' inboxes: municipalities' and companies' messages. */
	contactInboxes: { municipalities: string; business: string };
	/** Reverse proxies whose `X-Forwarded-For` is believed (addresses and CIDR ranges). */
	trustedProxies: string[];
	/** The server's clock starts here and runs on (TABLICA_NOW, an ISO instant; tests and demos). */
	clockStart?: Date;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid configuration: ${problems}`);
	}
	const e = parsed.data;
	parseTrustedProxies(e.TRUSTED_PROXIES);
	if (e.DATABASE_READ_URL && !e.DATABASE_URL)
		throw new Error(
			'Invalid configuration: DATABASE_READ_URL needs DATABASE_URL (a replica of that PostgreSQL server)'
		);
	const refDefault = path.resolve('../shared/data');
	return {
		port: e.PORT,
		host: e.HOST,
		dataDir: path.resolve(e.DATA_DIR),
		databaseUrl: e.DATABASE_URL,
		databaseReadUrl: e.DATABASE_READ_URL,
		baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
		demo: e.SEED_DEMO ?? true,
		referenceDataDir: e.REFERENCE_DATA_DIR ?? (existsSync(refDefault) ? refDefault : undefined),
		jobs: e.JOBS ?? true,
		anonymousCacheMs: e.ANON_CACHE_MS,
		feedCacheMs: e.FEED_CACHE_MS,
		viewsFlushMs: e.VIEWS_FLUSH_MS,
		logLevel: e.LOG_LEVEL,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		mailReplyTo: e.MAIL_REPLY_TO,
		smsapiToken: e.SMSAPI_TOKEN,
		smsapiUrl: e.SMSAPI_URL,
		smsSender: e.SMS_SENDER,
		outboxLeaseMs: e.OUTBOX_LEASE_MS,
		imgwBaseUrl: e.IMGW_BASE_URL,
		imgwPollSeconds: e.IMGW_POLL_SECONDS,
		ksefSecretKey: e.KSEF_SECRET_KEY,
		supportEmail: e.SUPPORT_EMAIL,
		contactInboxes: { municipalities: e.CONTACT_JST_EMAIL, business: e.CONTACT_BUSINESS_EMAIL },
		trustedProxies: e.TRUSTED_PROXIES.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
		clockStart: e.TABLICA_NOW ? new Date(e.TABLICA_NOW) : undefined
	};
}
