// IMGW-PIB's meteorological and hydrological warnings become urgent alerts of the groups whose
// powiat they name: published at once, held for the coordinator, or ignored, as each group chose.
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { parseInput } from '../core/validation';
import { assertCoordinator } from '../access/office';
import { assertSignedIn } from '../access/actor';
import { getGroup } from '../groups/groups';
import { formatDateTime } from '../../format';
import { MAX_ALERT_HOURS, smsSettings } from './alerts';
import { recordAlertUpdate, recordAllClear } from './follow-up';
import { log } from '../core/logger';
import { insertServiceUser } from '../auth/accounts';
import { fetchImgwWarnings, ImgwFormatError, warningConcernsPowiat, type ImgwWarning } from './imgw';
import { publishAlert } from './send';

export const imgwModes = {
	auto: 'Publikuj od razu jako komunikat pilny',
	approve: 'Czekaj na moje zatwierdzenie',
	off: 'Nie pobieraj ostrzeżeń'
} as const;
export type ImgwMode = keyof typeof imgwModes;

/** The system account IMGW-PIB alerts are published under (it signs in nowhere). */
const PUBLISHER_EMAIL = 'imgw-pib@system.tablica.invalid';
export const IMGW_PUBLISHER_NAME = 'IMGW-PIB';

type Stored = Omit<ImgwWarning, 'validFrom' | 'validTo' | 'publishedAt'> & {
	validFrom: string;
	validTo: string | null;
	publishedAt: string;
};

const revive = (w: Stored): ImgwWarning => ({
	...w,
	validFrom: new Date(w.validFrom),
	validTo: w.validTo ? new Date(w.validTo) : null,
	publishedAt: new Date(w.publishedAt)
});

const sourceLabel = (w: ImgwWarning) => (w.source === 'meteo' ? 'meteorologiczne' : 'hydrologiczne');

/** "Burze z gradem — ostrzeżenie meteorologiczne 2. stopnia" (at most 120 characters). */
export function imgwTitle(w: ImgwWarning): string {
	const title = `${w.event} — ostrzeżenie ${sourceLabel(w)} ${w.level}. stopnia`;
	return title.length > 120 ? `${title.slice(0, 119)}…` : title;
}

/** The alert's text: the office's text, validity, probability, rivers, comment and the source. */
export function imgwBody(w: ImgwWarning): string {
	const lines = [
		w.text,
		'',
		`Ważne od ${formatDateTime(w.validFrom)} ${w.validTo ? `do ${formatDateTime(w.validTo)}` : 'do odwołania'}.`
	];
	if (w.probability !== null) lines.push(`Prawdopodobieństwo: ${w.probability}%.`);
	if (w.catchments.length)
		lines.push(`Rzeki i zlewnie: ${w.catchments.map((c) => c.river ?? c.description).join('; ')}.`);
	if (w.comment) lines.push(`Komentarz synoptyka: ${w.comment}`);
	lines.push('', `Źródło: IMGW-PIB, ${w.office}.`);
	return lines.join('\n').slice(0, 2000);
}

/** An alert is on top for at most a week; a warning "until further notice" too. */
function alertUntil(w: ImgwWarning, now: Date): Date {
	const cap = now.getTime() + MAX_ALERT_HOURS * 3_600_000;
	return new Date(Math.min(w.validTo?.getTime() ?? cap, cap));
}

async function publisherId(tx: Db, now: Date): Promise<string> {
	const existing = await tx.selectFrom('users').select('id').where('email', '=', PUBLISHER_EMAIL).executeTakeFirst();
	if (existing) return existing.id;
	return insertServiceUser(tx, PUBLISHER_EMAIL, IMGW_PUBLISHER_NAME, now);
}

/** Publishes a warning as a weather alert of the group, to members who asked for weather alerts. */
async function publishWarning(ctx: Ctx, tx: Db, group: Group, w: ImgwWarning): Promise<string> {
	const now = ctx.clock.now();
	const { postId } = await publishAlert(ctx, tx, {
		group,
		authorId: await publisherId(tx, now),
		unitId: null,
		from: IMGW_PUBLISHER_NAME,
		kind: 'weather',
		title: imgwTitle(w),
		body: imgwBody(w),
		until: alertUntil(w, now),
		// SMS cost the municipality money: only a person decides to send them.
		channels: ['push', 'email'],
		smsEnabled: (await smsSettings(tx, group.municipality_code)).enabled,
		placeIds: [],
		targetIds: []
	});
	return postId;
}

interface GroupRow extends Group {
	voivodeship: string;
}

export interface ImgwImportResult {
	published: number;
	held: number;
	updated: number;
	withdrawn: number;
	expired: number;
}

/**
 * Brings every group's IMGW alerts in line with IMGW's current lists: a new warning for the
 * group's powiat (at or above its minimum level) is published or held; a changed one (same id,
 * new content) updates the published alert, to the same people; one that vanished before its end
 * is withdrawn with an all-clear, one that ran out just ends. Each group in its own transaction.
 */
export async function importImgwWarnings(ctx: Ctx, warnings: ImgwWarning[]): Promise<ImgwImportResult> {
	const result: ImgwImportResult = { published: 0, held: 0, updated: 0, withdrawn: 0, expired: 0 };
	const now = ctx.clock.now();
	const current = warnings.filter((w) => !w.validTo || w.validTo > now);
	const groups: GroupRow[] = await ctx.db
		.selectFrom('groups as g')
		.innerJoin('municipalities as m', 'm.teryt_code', 'g.municipality_code')
		.selectAll('g')
		.select('m.voivodeship')
		.where('g.imgw_mode', '<>', 'off')
		.orderBy('g.id')
		.execute();
	for (const group of groups) {
		const wanted = current.filter(
			(w) =>
				w.level >= group.imgw_min_level &&
				warningConcernsPowiat(w, group.municipality_code.slice(0, 4), group.voivodeship)
		);
		await ctx.db.transaction().execute(async (tx) => {
			const known = new Map(
				(
					await tx
						.selectFrom('imgw_alerts')
						.selectAll()
						.where('group_id', '=', group.id)
						.where('state', 'in', ['held', 'published'])
						.forUpdate()
						.execute()
				).map((r) => [r.warning_id, r])
			);
			for (const w of wanted) {
				const row = known.get(w.id);
				known.delete(w.id);
				if (!row) {
					const dismissed = await tx
						.selectFrom('imgw_alerts')
						.select('revision')
						.where('group_id', '=', group.id)
						.where('warning_id', '=', w.id)
						.executeTakeFirst();
					if (dismissed) continue; // dismissed, withdrawn or ended: decided already
					const postId = group.imgw_mode === 'auto' ? await publishWarning(ctx, tx, group, w) : null;
					await tx
						.insertInto('imgw_alerts')
						.values({
							group_id: group.id,
							warning_id: w.id,
							revision: w.revision,
							warning: JSON.stringify(w),
							state: postId ? 'published' : 'held',
							post_id: postId,
							seen_at: now
						})
						.execute();
					result[postId ? 'published' : 'held']++;
					continue;
				}
				if (row.revision !== w.revision && row.state === 'published' && row.post_id) {
					await recordAlertUpdate(ctx, tx, {
						group,
						postId: row.post_id,
						from: IMGW_PUBLISHER_NAME,
						title: imgwTitle(revive(row.warning as unknown as Stored)),
						text: `IMGW-PIB zmieniło ostrzeżenie: ${imgwTitle(w)}.\n\n${imgwBody(w)}`,
						by: null,
						until: alertUntil(w, now)
					});
					result.updated++;
				}
				await tx
					.updateTable('imgw_alerts')
					.set({ revision: w.revision, warning: JSON.stringify(w), seen_at: now })
					.where('group_id', '=', group.id)
					.where('warning_id', '=', w.id)
					.execute();
			}
			// Left over: gone from IMGW's list (or no longer for this group's level).
			for (const row of known.values()) {
				const w = revive(row.warning as unknown as Stored);
				const ended = !!w.validTo && w.validTo <= now;
				if (row.state === 'published' && row.post_id && !ended) {
					const open = await tx
						.selectFrom('posts')
						.select(['urgent_until', 'all_clear_at'])
						.where('id', '=', row.post_id)
						.executeTakeFirst();
					if (open && !open.all_clear_at)
						await recordAllClear(ctx, tx, {
							group,
							postId: row.post_id,
							from: IMGW_PUBLISHER_NAME,
							title: imgwTitle(w),
							text: `IMGW-PIB odwołało ostrzeżenie: ${w.event} (${w.level}. stopnia).`,
							urgentUntil: open.urgent_until
						});
				}
				await tx
					.updateTable('imgw_alerts')
					.set({ state: ended ? 'expired' : 'withdrawn', seen_at: now })
					.where('group_id', '=', group.id)
					.where('warning_id', '=', row.warning_id)
					.execute();
				result[ended ? 'expired' : 'withdrawn']++;
			}
		});
	}
	return result;
}

/**
 * One poll of IMGW (the job runs it every 10 minutes): fetch both lists and import them. A failed
 * or malformed response is logged and changes nothing; the next poll tries again.
 */
export async function pollImgw(
	ctx: Ctx,
	baseUrl: string,
	options: { fetch?: typeof fetch; timeoutMs?: number } = {}
): Promise<ImgwImportResult | null> {
	let warnings: ImgwWarning[];
	try {
		warnings = await fetchImgwWarnings(baseUrl, options);
	} catch (err) {
		if (err instanceof ImgwFormatError) log.error({ err }, 'IMGW: nieoczekiwana odpowiedź, nic nie opublikowano');
		else log.warn({ err }, 'IMGW: nie udało się pobrać ostrzeżeń, spróbujemy przy następnym sprawdzeniu');
		return null;
	}
	return importImgwWarnings(ctx, warnings);
}

const settingsSchema = z.object({
	mode: z.enum(Object.keys(imgwModes) as [ImgwMode, ...ImgwMode[]], { error: 'Wybierz, co robić z ostrzeżeniami.' }),
	minLevel: z.coerce
		.number({ error: 'Wybierz najniższy stopień ostrzeżenia.' })
		.int('Wybierz najniższy stopień ostrzeżenia.')
		.min(1, 'Stopień ostrzeżenia to 1, 2 albo 3.')
		.max(3, 'Stopień ostrzeżenia to 1, 2 albo 3.')
});

const REFUSAL = 'Ostrzeżenia IMGW grupy ustawia koordynator gminy.';

/** The named group, or the first group the actor coordinates. */
async function coordinatedGroup(ctx: Ctx, actor: Actor | null, slug: string | null) {
	assertSignedIn(actor);
	const first = slug
		? null
		: await ctx.db
				.selectFrom('groups as g')
				.select('g.slug')
				.$if(!actor.isOperator, (q) =>
					q.innerJoin('coordinators as c', (j) =>
						j.onRef('c.municipality_code', '=', 'g.municipality_code').on('c.user_id', '=', actor.id)
					)
				)
				.orderBy('g.name')
				.executeTakeFirst();
	if (!slug && !first) throw new AppError('forbidden', REFUSAL);
	const group = await getGroup(ctx.db, slug ?? first!.slug);
	await assertCoordinator(ctx, actor, group.municipality_code, REFUSAL);
	return group;
}

/** What the coordinator sees at `/urzad/imgw`: the settings, warnings waiting, and the latest ones. */
export async function imgwPanel(ctx: Ctx, actor: Actor | null, slug: string | null) {
	const group = await coordinatedGroup(ctx, actor, slug);
	const rows = await ctx.db
		.selectFrom('imgw_alerts')
		.selectAll()
		.where('group_id', '=', group.id)
		.orderBy('seen_at', 'desc')
		.limit(50)
		.execute();
	const view = (r: (typeof rows)[number]) => {
		const w = revive(r.warning as unknown as Stored);
		return {
			id: r.warning_id,
			state: r.state,
			title: imgwTitle(w),
			text: w.text,
			validFrom: w.validFrom.toISOString(),
			validTo: w.validTo?.toISOString() ?? null,
			office: w.office,
			postId: r.post_id,
			decidedAt: r.decided_at?.toISOString() ?? null
		};
	};
	return {
		group: { slug: group.slug, name: group.name },
		mode: group.imgw_mode as ImgwMode,
		minLevel: group.imgw_min_level,
		modes: Object.entries(imgwModes).map(([id, label]) => ({ id, label })),
		held: rows.filter((r) => r.state === 'held').map(view),
		recent: rows.filter((r) => r.state !== 'held').map(view)
	};
}

export async function setImgwSettings(ctx: Ctx, actor: Actor | null, slug: string, input: unknown): Promise<void> {
	const group = await coordinatedGroup(ctx, actor, slug);
	const data = parseInput(settingsSchema, input);
	await ctx.db
		.updateTable('groups')
		.set({ imgw_mode: data.mode, imgw_min_level: data.minLevel })
		.where('id', '=', group.id)
		.execute();
}

/** The coordinator's one click on a held warning: publish it as an alert, or dismiss it. */
export async function decideImgwWarning(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	warningId: string,
	publish: boolean
): Promise<{ postId: string | null }> {
	const group = await coordinatedGroup(ctx, actor, slug);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const row = await tx
			.selectFrom('imgw_alerts')
			.selectAll()
			.where('group_id', '=', group.id)
			.where('warning_id', '=', String(warningId ?? ''))
			.forUpdate()
			.executeTakeFirst();
		if (!row) throw notFound('Nie ma takiego ostrzeżenia.');
		if (row.state !== 'held') throw new AppError('conflict', 'O tym ostrzeżeniu już zdecydowano.');
		const w = revive(row.warning as unknown as Stored);
		if (publish && w.validTo && w.validTo <= now)
			throw new AppError('conflict', 'To ostrzeżenie już nie obowiązuje — nie ma czego publikować.');
		const postId = publish ? await publishWarning(ctx, tx, group, w) : null;
		await tx
			.updateTable('imgw_alerts')
			.set({ state: publish ? 'published' : 'dismissed', post_id: postId, decided_at: now, decided_by: actor!.id })
			.where('group_id', '=', group.id)
			.where('warning_id', '=', row.warning_id)
			.execute();
		return { postId };
	});
}
