import PgBoss from 'pg-boss';
import { cleanUpAuthRecords } from '../auth/sessions';
import { purgeIdempotencyKeys } from '../limits/idempotency';
import { applyRetention } from '../privacy/retention';
import { publishDueScheduled } from '../feed/authoring';
import { deliverDue, type Transports } from '../notify/delivery';
import { sendDueWeeklyDigests } from '../notify/digest';
import { pageBackups } from '../support/on-call';
import { refreshRecentStats } from '../stats/daily';
import { maintainViewPartitions } from '../stats/view-partitions';
import { sendMonthlyUnitReports } from '../stats/unit-report-mail';
import { remindOverdueQuestions } from '../questions/questions';
import { remindTomorrowsEvents } from '../events/events';
import { emailUnreadMessages } from '../conversations/emails';
import { issueDueInvoices, remindOverdue } from '../billing/invoices';
import { sendToKsef } from '../billing/ksef/send';
import { pollImgw } from '../alerts/imgw-import';
import { expireDataExports, prepareDataExports, type ExportDirs } from '../privacy/export';
import type { Ctx } from '../core/context';
import type { Database } from '../db/database';
import { log } from '../core/logger';

/** Background work on pg-boss, in the same database: nothing is lost when a process stops. */
export interface Jobs {
	boss: PgBoss;
	/** False while pg-boss cannot reach the database: its last attempt failed and none succeeded since. */
	healthy(): boolean;
	stop(): Promise<void>;
}

export const AUTH_CLEANUP = 'auth-cleanup';
/** Scheduled posts whose time has come, every 15 s (so a post appears within 60 s of its time). */
export const PUBLISH_SCHEDULED = 'publish-scheduled';
const PUBLISH_EVERY_SECONDS = 15;
/** The outbox is delivered by a job every few seconds (one per slot across all instances). */
export const DELIVER_OUTBOX = 'deliver-outbox';
/** Urgent tickets unacknowledged for 15 minutes page the on-call backup (checked every 15 s). */
export const PAGE_BACKUPS = 'page-backups';
/** Today's and yesterday's statistics of every group, recomputed every minute. */
export const STATS_REFRESH = 'stats-refresh';
const STATS_EVERY_SECONDS = 60;
/** The units' report of the month that ended, to the coordinators (checked hourly, sent once). */
export const UNIT_REPORTS = 'unit-reports';
/** Residents' questions two working days without an answer, to the coordinators (hourly; each once). */
export const QUESTION_REMINDERS = 'question-reminders';
/** Tomorrow's events, to those who said "Wezmę udział" (hourly, 9:00–21:00 the day before; each once). */
export const EVENT_REMINDERS = 'event-reminders';
/** E-mails about private messages left unread for a quarter of an hour (every 5 minutes; never the text). */
export const MESSAGE_EMAILS = 'message-emails';
/** The weekly digest of each group on its day and hour (checked hourly, queued once a week). */
export const WEEKLY_DIGESTS = 'weekly-digests';
/** Invoices of periods that began, and reminders of overdue ones (hourly; each once). */
export const BILLING = 'billing';
const DELIVER_EVERY_SECONDS = 5;
const DELIVER_FOR_MS = 60_000;
/** Residents' data exports waiting to be prepared (every 15 s), and expired ones removed (hourly). */
export const PREPARE_EXPORTS = 'prepare-exports';
export const EXPIRE_EXPORTS = 'expire-exports';
/** Invoices waiting for KSeF sent, and those sent followed to a KSeF number (every 30 s; leases keep runs apart). */
export const KSEF_SEND = 'ksef-send';
const KSEF_EVERY_SECONDS = 30;
/** IMGW-PIB's warnings, imported every 10 minutes (when a base URL is configured). */
export const IMGW_IMPORT = 'imgw-import';

/**
 * Creates a queue if it is not there. Instances starting at once on a fresh database race in
 * pg-boss's own insert (a deadlock or a duplicate key); the loser tries again and finds it made.
 */
async function createQueue(boss: PgBoss, name: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await boss.createQueue(name);
		} catch (e) {
			const code = (e as { code?: string }).code;
			if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw e;
			await new Promise((r) => setTimeout(r, 50 * attempt));
		}
	}
}

export async function startJobs(
	database: Database,
	ctx: Ctx,
	opts: {
		schedule?: boolean;
		transports?: Transports;
		leaseMs?: number;
		exports?: ExportDirs;
		imgw?: { baseUrl: string; pollSeconds: number };
	} = {}
): Promise<Jobs> {
	const boss = new PgBoss({
		db: { executeSql: (text, values) => database.executeSql(text, values) },
		schema: 'pgboss',
		schedule: opts.schedule ?? true,
		supervise: opts.schedule ?? true
	});
	// pg-boss keeps polling through database outages; these record whether it gets through.
	let lastError = 0;
	let lastSuccess = 0;
	const succeeded = () => (lastSuccess = Math.max(Date.now(), lastError + 1));
	boss.on('error', (err) => {
		lastError = Date.now();
		log.error({ err }, 'pg-boss');
	});
	await boss.start();
	await createQueue(boss, AUTH_CLEANUP);
	await boss.work(AUTH_CLEANUP, async () => {
		const removed = await cleanUpAuthRecords(ctx);
		const idempotencyKeys = await purgeIdempotencyKeys(ctx);
		const retained = await applyRetention(ctx);
		log.info(
			{ ...removed, idempotencyKeys, retained },
			'Usunięto wygasłe sesje, linki, klucze Idempotency-Key i dane po okresie przechowywania'
		);
	});
	await createQueue(boss, PUBLISH_SCHEDULED);
	await boss.work(PUBLISH_SCHEDULED, async () => {
		const n = await publishDueScheduled(ctx);
		if (n) log.info({ published: n }, 'Opublikowano zaplanowane posty');
	});
	const transports = opts.transports ?? {};
	const configured = Object.values(transports).some(Boolean);
	await createQueue(boss, DELIVER_OUTBOX);
	await boss.work(DELIVER_OUTBOX, async () => {
		// Drains what is due for up to a minute: 500 per 5-s slot would cap delivery at 100 a second,
		// and a weekly digest is an e-mail per member.
		const r = await deliverDue(ctx.db, ctx.clock, transports, {
			leaseMs: opts.leaseMs,
			limit: Infinity,
			forMs: DELIVER_FOR_MS
		});
		if (r.sent || r.failed) log.info(r, 'Skrzynka nadawcza: wysłano');
	});
	await createQueue(boss, PAGE_BACKUPS);
	await boss.work(PAGE_BACKUPS, async () => {
		const n = await pageBackups(ctx);
		if (n) log.warn({ tickets: n }, 'Pilne zgłoszenia bez potwierdzenia: powiadomiono zastępców dyżurnych');
	});
	await createQueue(boss, STATS_REFRESH);
	// Daily partitions of raw views: checked on the first run and then hourly (cheap when nothing is due).
	let partitionsCheckedAt = -Infinity;
	await boss.work(STATS_REFRESH, async () => {
		await refreshRecentStats(ctx.db, ctx.clock);
		if (Date.now() - partitionsCheckedAt >= 3_600_000) {
			const r = await maintainViewPartitions(ctx.db, ctx.clock);
			partitionsCheckedAt = Date.now();
			if (r.created.length || r.dropped.length || r.trimmed)
				log.info(r, 'Partycje wyświetleń: utworzono nowe, usunięto starsze niż 35 dni');
		}
	});
	await createQueue(boss, UNIT_REPORTS);
	await boss.work(UNIT_REPORTS, async () => {
		const n = await sendMonthlyUnitReports(ctx);
		if (n) log.info({ emails: n }, 'Wysłano miesięczne raporty jednostek');
	});
	await createQueue(boss, QUESTION_REMINDERS);
	await boss.work(QUESTION_REMINDERS, async () => {
		const n = await remindOverdueQuestions(ctx);
		if (n) log.info({ questions: n }, 'Przypomniano o pytaniach mieszkańców bez odpowiedzi');
	});
	await createQueue(boss, EVENT_REMINDERS);
	await boss.work(EVENT_REMINDERS, async () => {
		const n = await remindTomorrowsEvents(ctx);
		if (n) log.info({ events: n }, 'Przypomniano o jutrzejszych wydarzeniach');
	});
	await createQueue(boss, MESSAGE_EMAILS);
	await boss.work(MESSAGE_EMAILS, async () => {
		const n = await emailUnreadMessages(ctx);
		if (n) log.info({ emails: n }, 'Zakolejkowano e-maile o nieprzeczytanych wiadomościach');
	});
	await createQueue(boss, WEEKLY_DIGESTS);
	await boss.work(WEEKLY_DIGESTS, async () => {
		const r = await sendDueWeeklyDigests(ctx);
		if (r.groups) log.info(r, 'Zakolejkowano e-maile „Tydzień w gminie”');
	});
	await createQueue(boss, BILLING);
	await boss.work(BILLING, async () => {
		const issued = await issueDueInvoices(ctx);
		const reminded = await remindOverdue(ctx);
		if (issued.length || reminded.length)
			log.info({ issued: issued.map((i) => i.number), reminded }, 'Rozliczenia: faktury i przypomnienia');
	});
	await createQueue(boss, KSEF_SEND);
	await boss.work(KSEF_SEND, async () => {
		const r = await sendToKsef(ctx);
		if (r.sent || r.accepted.length || r.rejected.length || r.deferred)
			log.info(r, 'KSeF: wysłano faktury, odebrano numery KSeF');
	});
	const exportDirs = opts.exports;
	if (exportDirs) {
		await createQueue(boss, PREPARE_EXPORTS);
		await boss.work(PREPARE_EXPORTS, async () => {
			const n = await prepareDataExports(ctx, exportDirs);
			if (n) log.info({ exports: n }, 'Przygotowano kopie danych mieszkańców');
		});
		await createQueue(boss, EXPIRE_EXPORTS);
		await boss.work(EXPIRE_EXPORTS, async () => {
			const r = await expireDataExports(ctx, exportDirs.exportsDir);
			if (r.expired || r.orphans) log.info(r, 'Usunięto wygasłe kopie danych mieszkańców');
		});
	}
	const imgw = opts.imgw;
	if (imgw) {
		await createQueue(boss, IMGW_IMPORT);
		await boss.work(IMGW_IMPORT, async () => {
			const r = await pollImgw(ctx, imgw.baseUrl);
			if (r && Object.values(r).some(Boolean)) log.info(r, 'Ostrzeżenia IMGW-PIB: zmiany w komunikatach');
		});
	}
	let tick: ReturnType<typeof setInterval> | undefined;
	let sending: Promise<void> | undefined;
	if (opts.schedule ?? true) {
		await boss.schedule(AUTH_CLEANUP, '17 * * * *', undefined, { tz: 'Europe/Warsaw' });
		await boss.schedule(UNIT_REPORTS, '5 * * * *', undefined, { tz: 'Europe/Warsaw' });
		await boss.schedule(QUESTION_REMINDERS, '10 * * * *', undefined, { tz: 'Europe/Warsaw' });
		await boss.schedule(EVENT_REMINDERS, '12 * * * *', undefined, { tz: 'Europe/Warsaw' });
		await boss.schedule(MESSAGE_EMAILS, '*/5 * * * *', undefined, { tz: 'Europe/Warsaw' });
		await boss.schedule(BILLING, '2 * * * *', undefined, { tz: 'Europe/Warsaw' });
		await boss.schedule(WEEKLY_DIGESTS, '0 * * * *', undefined, { tz: 'Europe/Warsaw' });
		if (exportDirs) await boss.schedule(EXPIRE_EXPORTS, '23 * * * *', undefined, { tz: 'Europe/Warsaw' });
		// Cron runs at most once a minute; a throttled job every 15 s (one per slot across all
		// instances) keeps scheduled posts within 60 s of their time.
		const send = async () => {
			try {
				await boss.sendThrottled(PUBLISH_SCHEDULED, {}, {}, PUBLISH_EVERY_SECONDS);
				await boss.sendThrottled(PAGE_BACKUPS, {}, {}, PUBLISH_EVERY_SECONDS);
				await boss.sendThrottled(STATS_REFRESH, {}, {}, STATS_EVERY_SECONDS);
				await boss.sendThrottled(KSEF_SEND, {}, {}, KSEF_EVERY_SECONDS);
				if (exportDirs) await boss.sendThrottled(PREPARE_EXPORTS, {}, {}, PUBLISH_EVERY_SECONDS);
				if (imgw) await boss.sendThrottled(IMGW_IMPORT, {}, {}, imgw.pollSeconds);
				// Without a configured channel messages stay in the outbox for the operator to read.
				if (configured) await boss.sendThrottled(DELIVER_OUTBOX, {}, {}, DELIVER_EVERY_SECONDS);
				succeeded();
			} catch (err) {
				lastError = Date.now();
				log.error({ err }, 'pg-boss send');
			}
		};
		await send();
		tick = setInterval(() => (sending = send()), DELIVER_EVERY_SECONDS * 1000);
	}
	return {
		boss,
		healthy: () => lastSuccess >= lastError,
		stop: async () => {
			clearInterval(tick);
			await sending;
			// A job still running after the timeout is failed and retried by another instance, but it
			// would go on using a database about to close: the timeout is long enough for the usual ones.
			await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
		}
	};
}
