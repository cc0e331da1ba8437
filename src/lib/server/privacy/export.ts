import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { DataExportState } from '../db/schema';
import { hashSecret, newSecret } from '../auth/crypto';
import { AppError, notFound } from '../core/errors';
import { log } from '../core/logger';
import { enqueueEmail } from '../notify/outbox';
import { formatDateTime } from '../../format';
import { warsawDay } from '../../dates';
import { collectPersonalData } from './collect';
import { exportReadyEmail } from './messages';
import { renderDataHtml } from './export-html';
import { isExportFileName, removeExportFile } from './export-files';
import { assertSignedIn } from '../access/actor';

export { removeDataExports } from './export-files';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** How long the e-mailed link works. */
export const EXPORT_VALID_MS = 7 * DAY;
/** One request a day per person: preparing a ZIP of someone's whole history is not free. */
const REQUEST_EVERY_MS = DAY;
/** A job that took an export and died gives it back after this long. */
const CLAIM_LEASE_MS = 30 * 60_000;
const MAX_ATTEMPTS = 3;
/** Files in the folder that no export row points to (a crash mid-way) go after this long. */
const ORPHAN_AFTER_MS = HOUR;

export const exportStateLabels: Record<DataExportState, string> = {
	pending: 'przygotowujemy plik',
	ready: 'gotowy — link wysłany e-mailem',
	expired: 'link wygasł, plik usunięty',
	failed: 'nie udało się przygotować — poproś ponownie'
};

export interface DataExportView {
	id: string;
	state: DataExportState;
	stateLabel: string;
	requestedAt: string;
	readyAt: string | null;
	expiresAt: string | null;
	size: number | null;
	downloadedAt: string | null;
}

/**
 * The person asks for a copy of all their data. At most one request waits at a time and one may
 * be made a day; a job prepares it and e-mails the link.
 */
export async function requestDataExport(ctx: Ctx, actor: Actor | null): Promise<DataExportView> {
	assertSignedIn(actor, 'Zaloguj się, aby pobrać swoje dane.');
	const now = ctx.clock.now();
	const row = await ctx.db.transaction().execute(async (tx) => {
		// Two clicks at once wait for each other here.
		await tx.selectFrom('users').select('id').where('id', '=', actor.id).forUpdate().executeTakeFirstOrThrow();
		const last = await tx
			.selectFrom('data_exports')
			.select(['state', 'requested_at'])
			.where('user_id', '=', actor.id)
			.where('state', '!=', 'failed')
			.orderBy('requested_at', 'desc')
			.limit(1)
			.executeTakeFirst();
		if (last?.state === 'pending')
			throw new AppError(
				'conflict',
				'Już przygotowujemy Twoje dane. Link do pobrania wyślemy e-mailem, gdy plik będzie gotowy.'
			);
		if (last && now.getTime() - last.requested_at.getTime() < REQUEST_EVERY_MS) {
			throw new AppError(
				'rate_limited',
				`O kopię danych można prosić raz na dobę. Kolejną prośbę możesz wysłać od ${formatDateTime(new Date(last.requested_at.getTime() + REQUEST_EVERY_MS))}; link z ostatniej kopii jest w Twojej skrzynce e-mail.`
			);
		}
		return tx
			.insertInto('data_exports')
			.values({ user_id: actor.id, requested_at: now })
			.returningAll()
			.executeTakeFirstOrThrow();
	});
	return viewOf(row);
}

function viewOf(r: {
	id: string;
	state: DataExportState;
	requested_at: Date;
	ready_at: Date | null;
	expires_at: Date | null;
	size: number | null;
	downloaded_at: Date | null;
}): DataExportView {
	return {
		id: r.id,
		state: r.state,
		stateLabel: exportStateLabels[r.state],
		requestedAt: r.requested_at.toISOString(),
		readyAt: r.ready_at?.toISOString() ?? null,
		expiresAt: r.expires_at?.toISOString() ?? null,
		size: r.size,
		downloadedAt: r.downloaded_at?.toISOString() ?? null
	};
}

/** The person's recent exports, newest first, for the account page. */
export async function listDataExports(ctx: Ctx, actor: Actor | null, limit = 5): Promise<DataExportView[]> {
	assertSignedIn(actor);
	const rows = await ctx.db
		.selectFrom('data_exports')
		.select(['id', 'state', 'requested_at', 'ready_at', 'expires_at', 'size', 'downloaded_at'])
		.where('user_id', '=', actor.id)
		.orderBy('requested_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map(viewOf);
}

export interface ExportDirs {
	mediaDir: string;
	exportsDir: string;
}

/** Takes the oldest waiting export no other job holds (or one whose job died). */
async function claimNext(ctx: Ctx): Promise<{ id: string; user_id: string; attempts: number } | undefined> {
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const next = await tx
			.selectFrom('data_exports')
			.select('id')
			.where('state', '=', 'pending')
			.where((eb) =>
				eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', new Date(now.getTime() - CLAIM_LEASE_MS))])
			)
			.orderBy('requested_at')
			.limit(1)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!next) return undefined;
		return tx
			.updateTable('data_exports')
			.set((eb) => ({ claimed_at: now, attempts: eb('attempts', '+', 1) }))
			.where('id', '=', next.id)
			.returning(['id', 'user_id', 'attempts'])
			.executeTakeFirstOrThrow();
	});
}

/** The ZIP: one JSON file per section, dane.html, the post images and ticket attachments. */
export async function buildExportZip(db: Db, userId: string, mediaDir: string, preparedAt: Date): Promise<Buffer> {
	const { data, files } = await collectPersonalData(db, userId);
	const zip = new AdmZip();
	const missing = new Set<string>();
	for (const f of files) {
		const bytes = await readFile(path.join(mediaDir, f.source)).catch(() => null);
		if (!bytes) {
			missing.add(f.entry);
			continue;
		}
		zip.addFile(f.entry, bytes);
		// Images and PDFs are compressed already.
		zip.getEntry(f.entry)!.header.method = 0;
	}
	for (const p of data.posts) for (const i of p.images) if (i.file && missing.has(i.file)) i.file = null;
	for (const t of data.tickets)
		for (const m of t.messages) for (const f of m.files) if (f.file && missing.has(f.file)) f.file = null;
	const json = (name: string, value: unknown) => zip.addFile(name, Buffer.from(JSON.stringify(value, null, 2), 'utf8'));
	json('profil.json', data.profile);
	json('czlonkostwa.json', data.memberships);
	json('posty.json', data.posts);
	json('komentarze.json', data.comments);
	json('reakcje.json', data.reactions);
	json('zgloszenia.json', data.reports);
	json('decyzje.json', data.decisions);
	json('powiadomienia.json', data.notifications);
	json('zgody.json', data.consents);
	json('alerty.json', data.alerts);
	json('zgloszenia-pomocy.json', data.tickets);
	zip.addFile('dane.html', Buffer.from(renderDataHtml(data, preparedAt), 'utf8'));
	return zip.toBufferPromise();
}

/**
 * The job: prepares the waiting exports one by one — the ZIP under a random name in the exports
 * folder, then (in one transaction) the export marked ready with the hash of a new token and the
 * link e-mailed. Returns how many were prepared.
 */
export async function prepareDataExports(ctx: Ctx, dirs: ExportDirs, max = 10): Promise<number> {
	let prepared = 0;
	for (let i = 0; i < max; i++) {
		const claimed = await claimNext(ctx);
		if (!claimed) break;
		const fileName = `${randomBytes(16).toString('hex')}.zip`;
		const filePath = path.join(dirs.exportsDir, fileName);
		try {
			const user = await ctx.db
				.selectFrom('users')
				.select(['email', 'display_name', 'deleted_at'])
				.where('id', '=', claimed.user_id)
				.executeTakeFirstOrThrow();
			if (user.deleted_at) {
				await ctx.db.deleteFrom('data_exports').where('id', '=', claimed.id).execute();
				continue;
			}
			const now = ctx.clock.now();
			const bytes = await buildExportZip(ctx.db, claimed.user_id, dirs.mediaDir, now);
			await mkdir(dirs.exportsDir, { recursive: true });
			await writeFile(filePath, bytes, { mode: 0o600 });
			const { token, hash } = newSecret();
			const expiresAt = new Date(now.getTime() + EXPORT_VALID_MS);
			const email = exportReadyEmail({
				name: user.display_name,
				downloadUrl: `${ctx.baseUrl}/konto/eksport/${token}`,
				expiresAt: formatDateTime(expiresAt),
				size: bytes.byteLength
			});
			const done = await ctx.db.transaction().execute(async (tx) => {
				const row = await tx
					.updateTable('data_exports')
					.set({
						state: 'ready',
						ready_at: now,
						expires_at: expiresAt,
						file_name: fileName,
						size: bytes.byteLength,
						token_hash: hash
					})
					.where('id', '=', claimed.id)
					.where('state', '=', 'pending')
					.returning('id')
					.executeTakeFirst();
				if (row) await enqueueEmail(tx, ctx.clock, { to: user.email, ...email });
				return !!row;
			});
			// The account was deleted meanwhile: its file must not stay.
			if (!done) await unlink(filePath).catch(() => {});
			else prepared++;
		} catch (err) {
			log.error({ err, exportId: claimed.id }, 'Nie udało się przygotować eksportu danych');
			await unlink(filePath).catch(() => {});
			await ctx.db
				.updateTable('data_exports')
				.set(claimed.attempts >= MAX_ATTEMPTS ? { state: 'failed' } : { claimed_at: null })
				.where('id', '=', claimed.id)
				.where('state', '=', 'pending')
				.execute();
		}
	}
	return prepared;
}

/**
 * The hourly job: exports past their date lose their file and are marked expired; files no export
 * points to (left by a crash or a deleted account) are removed once they are an hour old.
 */
export async function expireDataExports(ctx: Ctx, exportsDir: string): Promise<{ expired: number; orphans: number }> {
	const now = ctx.clock.now();
	const expired = await ctx.db.transaction().execute(async (tx) => {
		const rows = await tx
			.selectFrom('data_exports')
			.select(['id', 'file_name'])
			.where('state', '=', 'ready')
			.where('expires_at', '<=', now)
			.forUpdate()
			.execute();
		if (rows.length)
			await tx
				.updateTable('data_exports')
				.set({ state: 'expired', file_name: null })
				.where(
					'id',
					'in',
					rows.map((r) => r.id)
				)
				.execute();
		return rows;
	});
	for (const r of expired) await removeExportFile(exportsDir, r.file_name);
	let orphans = 0;
	const names = (await readdir(exportsDir).catch(() => [] as string[])).filter(isExportFileName);
	if (names.length) {
		const known = new Set(
			(await ctx.db.selectFrom('data_exports').select('file_name').where('file_name', 'in', names).execute()).map(
				(r) => r.file_name
			)
		);
		for (const name of names) {
			if (known.has(name)) continue;
			// A file just written by a running job has no row yet.
			const info = await stat(path.join(exportsDir, name)).catch(() => null);
			if (!info || now.getTime() - info.mtimeMs < ORPHAN_AFTER_MS) continue;
			await unlink(path.join(exportsDir, name)).catch(() => {});
			orphans++;
		}
	}
	return { expired: expired.length, orphans };
}

export interface ExportDownload {
	filePath: string;
	size: number;
	/** tablica-moje-dane-YYYY-MM-DD.zip (the Warsaw day it was prepared). */
	downloadName: string;
}

/**
 * The download behind the e-mailed link: only for the signed-in person whose export it is
 * (anyone else is told there is no such file) and only until the link expires.
 */
export async function openDataExport(
	ctx: Ctx,
	actor: Actor | null,
	token: string,
	exportsDir: string
): Promise<ExportDownload> {
	assertSignedIn(actor, 'Zaloguj się, aby pobrać swoje dane.');
	const missing = notFound(
		'Nie ma takiego pliku z danymi. Sprawdź, czy otwierasz link z ostatniego e-maila i czy logujesz się na właściwe konto.'
	);
	if (!/^[\w-]{43}$/.test(token)) throw missing;
	const row = await ctx.db
		.selectFrom('data_exports')
		.selectAll()
		.where('token_hash', '=', hashSecret(token))
		.executeTakeFirst();
	if (!row || row.user_id !== actor.id) throw missing;
	const now = ctx.clock.now();
	const gone = new AppError(
		'gone',
		`Link do pobrania Twoich danych wygasł${row.expires_at ? ` ${formatDateTime(row.expires_at)}` : ''} i plik został usunięty. Poproś o nową kopię na stronie „Moje konto” (sekcja „Twoje dane”).`
	);
	if (row.state !== 'ready' || !row.file_name || !row.expires_at || row.expires_at <= now) throw gone;
	const filePath = path.join(exportsDir, row.file_name);
	const info = await stat(filePath).catch(() => null);
	if (!info) throw gone;
	await ctx.db.updateTable('data_exports').set({ downloaded_at: now }).where('id', '=', row.id).execute();
	return { filePath, size: info.size, downloadName: `tablica-moje-dane-${warsawDay(row.ready_at ?? now)}.zip` };
}
