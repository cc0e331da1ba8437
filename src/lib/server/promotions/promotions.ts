import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { insertedCount, type Db } from '../db/database';
import type { Group } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { isId, parseInput } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { assertUnitStaff } from '../access/office';
import { findPostGroup } from '../access/post-access';
import { activePackage, packageIncludes } from '../access/package-state';
import { smsSettings } from '../alerts/alerts';
import { digestTitle } from '../notify/digest';
import { smsLength } from '../text/sms';
import { addMonths, warsawDay, warsawMidnight } from '../../dates';
import { promotedPostMessage, promotedPostSms } from './messages';
import { crossPostInto } from './cross-posting';

export const MAX_PROMOTION_DAYS = 7;
/** When the price list says nothing for the package (an older row), Pakiet 2 and 3 give this many. */
export const DEFAULT_PROMOTIONS_PER_MONTH = 8;

export interface PromotionQuota {
	/** The Warsaw month counted ("2027-01"). */
	month: string;
	limit: number;
	used: number;
	left: number;
}

/** The Warsaw month of `now` as [first day, first day of the next month). */
function monthRange(now: Date): { month: string; from: Date; to: Date } {
	const first = `${warsawDay(now).slice(0, 7)}-01`;
	return { month: first.slice(0, 7), from: warsawMidnight(first), to: warsawMidnight(addMonths(first, 1)) };
}

/**
 * The group's promotions this Warsaw month against the package's quota: the price list's
 * `promotions_per_month` for the package in force and the subscription's plan (0 below Pakiet 2).
 * Every promotion started this month counts, a cancelled one too (it has reached people).
 */
export async function promotionQuota(ctx: Pick<Ctx, 'db' | 'clock'>, groupId: string): Promise<PromotionQuota> {
	const now = ctx.clock.now();
	const { month, from, to } = monthRange(now);
	const today = warsawDay(now);
	const pkg = await activePackage(ctx, groupId);
	const [price, used] = await Promise.all([
		pkg && pkg !== 'pakiet1'
			? ctx.db
					.selectFrom('subscriptions as s')
					.innerJoin('prices as p', 'p.plan', 's.plan')
					.select('p.promotions_per_month')
					.where('s.group_id', '=', groupId)
					.where('s.status', '!=', 'ended')
					.where('p.package', '=', pkg)
					.where('p.valid_from', '<=', today)
					.orderBy('p.valid_from', 'desc')
					.executeTakeFirst()
			: null,
		ctx.db
			.selectFrom('promotions')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('group_id', '=', groupId)
			.where('starts_at', '>=', from)
			.where('starts_at', '<', to)
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n))
	]);
	const limit = !pkg || pkg === 'pakiet1' ? 0 : (price?.promotions_per_month ?? DEFAULT_PROMOTIONS_PER_MONTH);
	return { month, limit, used, left: Math.max(limit - used, 0) };
}

/** SMS messages (segments × recipients) sent for the group's promotions this Warsaw month. */
async function smsUsedThisMonth(db: Db, groupId: string, now: Date): Promise<number> {
	const { from, to } = monthRange(now);
	const r = await db
		.selectFrom('promotions')
		.select(sql<string>`coalesce(sum(texted), 0)`.as('n'))
		.where('group_id', '=', groupId)
		.where('starts_at', '>=', from)
		.where('starts_at', '<', to)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/** Members told about a promotion: approved, account not deleted, "ogłoszenia gminy" on. */
const audience = (groupId: string) => sql`
	FROM memberships m
	JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL
	WHERE m.group_id = ${groupId} AND m.status = 'approved' AND m.announcements`;

/** Of those, the ones with a phone confirmed for this group's SMS. */
const smsAudience = (groupId: string) => sql`
	FROM memberships m
	JOIN alert_subscriptions s ON s.group_id = ${groupId} AND s.user_id = m.user_id AND s.by_sms AND s.phone IS NOT NULL
	JOIN phone_verifications pv ON pv.group_id = s.group_id AND pv.user_id = s.user_id
		AND pv.verified_at IS NOT NULL AND pv.phone = s.phone
	WHERE m.group_id = ${groupId} AND m.status = 'approved' AND m.announcements`;

const hasPushDevice = sql`EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.user_id = m.user_id)`;

interface PromotablePost {
	group: Group;
	post: { id: string; body: string; alert_title: string | null; unit_id: string; status: string };
	unit: { id: string; name: string; municipality_code: string };
}

/** A published post of a unit, and the actor on its staff (or the coordinator, or the operator). */
async function promotablePost(ctx: Ctx, actor: Actor | null, postId: string): Promise<PromotablePost> {
	assertSignedIn(actor, 'Zaloguj się, aby wyróżnić post.');
	if (!isId(postId)) throw notFound('Nie ma takiego posta.');
	const group = await findPostGroup(ctx.db, postId);
	const row = await ctx.db
		.selectFrom('posts as p')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select(['p.id', 'p.body', 'p.alert_title', 'p.unit_id', 'p.status', 'un.name', 'un.municipality_code'])
		.where('p.id', '=', postId)
		.executeTakeFirstOrThrow();
	if (!row.unit_id || !row.name || !row.municipality_code)
		throw new AppError('forbidden', 'Wyróżnić można post urzędu albo jednostki gminy, nie post mieszkańca.');
	const unit = { id: row.unit_id, name: row.name, municipality_code: row.municipality_code };
	await assertUnitStaff(
		ctx,
		actor,
		unit,
		'Post może wyróżnić zespół jednostki, która go opublikowała, albo koordynator gminy.'
	);
	if (row.status !== 'published') throw new AppError('conflict', 'Wyróżnić można tylko opublikowany post.');
	return { group, post: { ...row, unit_id: row.unit_id }, unit };
}

const PACKAGE_NEEDED =
	'Wyróżnianie postów jest w Pakiecie nr 2 i nr 3. Koordynator gminy może zmienić pakiet na stronie urzędu.';

async function assertPackage(ctx: Ctx, group: Group): Promise<void> {
	if (!(await packageIncludes(ctx, group.id, 'pakiet2'))) throw new AppError('forbidden', PACKAGE_NEEDED);
}

/** The active promotion of a post now, if any. */
async function activePromotion(db: Db, postId: string, now: Date) {
	return db
		.selectFrom('promotions')
		.select(['id', 'ends_at'])
		.where('post_id', '=', postId)
		.where('cancelled_at', 'is', null)
		.where('starts_at', '<=', now)
		.where('ends_at', '>', now)
		.executeTakeFirst();
}

export interface PromotionForm {
	postId: string;
	/** Null when the package in force allows promoting; else why not. */
	unavailable: string | null;
	title: string;
	sponsor: string;
	quota: PromotionQuota;
	/** The promotion running now, if any (no second one while it runs). */
	active: { id: string; endsAt: string } | null;
	audience: { inApp: number; push: number; sms: number };
	/** SMS may be chosen: Pakiet 3, SMS enabled by the municipality, and messages left this month. */
	sms: { available: boolean; left: number; segments: number; priceGrosze: number } | null;
	maxDays: number;
}

/** What the "Wyróżnij" form shows before the staff member confirms: quota, audience, SMS. */
export async function promotionForm(ctx: Ctx, actor: Actor | null, postId: string): Promise<PromotionForm> {
	const { group, post, unit } = await promotablePost(ctx, actor, postId);
	const now = ctx.clock.now();
	const [unavailable, quota, active, counts, sms] = await Promise.all([
		packageIncludes(ctx, group.id, 'pakiet2').then((yes) => (yes ? null : PACKAGE_NEEDED)),
		promotionQuota(ctx, group.id),
		activePromotion(ctx.db, post.id, now),
		sql<{ in_app: string; push: string; sms: string }>`
			SELECT count(*) AS in_app, count(*) FILTER (WHERE ${hasPushDevice}) AS push,
				(SELECT count(*) ${smsAudience(group.id)}) AS sms
			${audience(group.id)}`.execute(ctx.db),
		smsAllowance(ctx, group)
	]);
	const title = digestTitle(post);
	const c = counts.rows[0];
	return {
		postId: post.id,
		unavailable,
		title,
		sponsor: unit.name,
		quota,
		active: active ? { id: active.id, endsAt: active.ends_at.toISOString() } : null,
		audience: { inApp: Number(c.in_app), push: Number(c.push), sms: Number(c.sms) },
		sms: sms && {
			...sms,
			segments: smsLength(
				promotedPostSms({ sponsor: unit.name, groupName: group.name, title, postUrl: postUrl(ctx, group, post.id) })
			).segments
		},
		maxDays: MAX_PROMOTION_DAYS
	};
}

/**
 * The post page's "Wyróżnij" panel: the form for the unit's staff and the coordinator, null for
 * everyone else and for a post that is not a unit's published one.
 */
export async function promotionPanel(ctx: Ctx, actor: Actor | null, postId: string): Promise<PromotionForm | null> {
	if (!actor) return null;
	return promotionForm(ctx, actor, postId).catch((e) => {
		if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'conflict')) return null;
		throw e;
	});
}

/** SMS for promoted posts: Pakiet 3 and the municipality's SMS on, up to its monthly cap. */
async function smsAllowance(ctx: Ctx, group: Group) {
	if (!(await packageIncludes(ctx, group.id, 'pakiet3'))) return null;
	const settings = await smsSettings(ctx.db, group.municipality_code);
	const cap = await ctx.db
		.selectFrom('customers')
		.select('promotion_sms_cap')
		.where('municipality_code', '=', group.municipality_code)
		.executeTakeFirst();
	if (!settings.enabled || !cap?.promotion_sms_cap) return null;
	const left = Math.max(cap.promotion_sms_cap - (await smsUsedThisMonth(ctx.db, group.id, ctx.clock.now())), 0);
	return { available: left > 0, left, priceGrosze: settings.priceGrosze };
}

const postUrl = (ctx: Ctx, group: Pick<Group, 'slug'>, postId: string) => `${ctx.baseUrl}/g/${group.slug}/p/${postId}`;

export const promoteInput = z.object({
	days: z.coerce
		.number({ error: 'Podaj, na ile dni wyróżnić post.' })
		.int('Podaj pełną liczbę dni.')
		.min(1, 'Post można wyróżnić na 1 do 7 dni.')
		.max(MAX_PROMOTION_DAYS, 'Post można wyróżnić na 1 do 7 dni.'),
	sms: z.boolean().default(false)
});

export interface PromotionResult {
	promotionId: string;
	endsAt: string;
	notified: number;
	pushed: number;
	texted: number;
	/** Neighbouring groups the post now also appears in (Pakiet 3). */
	crossPosted: number;
}

/**
 * Promotes a unit's published post for 1–7 days (Pakiet 2, within the month's quota): the post
 * goes on top of the group's feed below urgent alerts, and in one transaction every member with
 * "ogłoszenia gminy" on gets an in-app notification, a push to each device they allowed, and, when
 * asked for on Pakiet 3 with SMS enabled and within the monthly cap, an SMS; on Pakiet 3 the post
 * is also cross-posted into the neighbouring groups — a handful of statements whatever the group's size.
 */
export async function promotePost(
	ctx: Ctx,
	actor: Actor | null,
	postId: string,
	input: unknown
): Promise<PromotionResult> {
	const { group, post, unit } = await promotablePost(ctx, actor, postId);
	const data = parseInput(promoteInput, input);
	await assertPackage(ctx, group);
	const sms = data.sms ? await smsAllowance(ctx, group) : null;
	const region = await packageIncludes(ctx, group.id, 'pakiet3');
	if (data.sms && !sms)
		throw new AppError('forbidden', 'SMS o wyróżnionych postach są w Pakiecie nr 3, gdy gmina włączyła SMS.', {
			sms: 'SMS nie są dostępne dla tej gminy.'
		});
	if (sms && !sms.available)
		throw new AppError('conflict', 'Limit SMS gminy o wyróżnionych postach na ten miesiąc jest wykorzystany.', {
			sms: 'Limit SMS na ten miesiąc jest wykorzystany.'
		});
	const now = ctx.clock.now();
	const endsAt = new Date(now.getTime() + data.days * 86_400_000);
	const title = digestTitle(post);
	const url = postUrl(ctx, group, post.id);
	const texts = promotedPostMessage({ sponsor: unit.name, groupName: group.name, title, postUrl: url });
	const smsText = promotedPostSms({ sponsor: unit.name, groupName: group.name, title, postUrl: url });
	return ctx.db.transaction().execute(async (tx) => {
		// One promotion at a time per post, and the quota, checked under the group's lock.
		await tx.selectFrom('groups').select('id').where('id', '=', group.id).forUpdate().execute();
		const quota = await promotionQuota({ db: tx, clock: ctx.clock }, group.id);
		if (quota.left === 0)
			throw new AppError(
				'conflict',
				`W tym miesiącu wykorzystano już wszystkie wyróżnienia pakietu (${quota.used} z ${quota.limit}).`
			);
		const active = await activePromotion(tx, post.id, now);
		if (active) throw new AppError('conflict', 'Ten post jest już wyróżniony.');
		const promotion = await tx
			.insertInto('promotions')
			.values({
				post_id: post.id,
				group_id: group.id,
				unit_id: unit.id,
				promoted_by: actor!.id,
				sponsor_name: unit.name,
				starts_at: now,
				ends_at: endsAt,
				created_at: now,
				by_sms: !!sms
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const count = (insert: ReturnType<typeof sql>) => insertedCount(tx, insert);
		const notified = await count(
			sql`INSERT INTO notifications (user_id, kind, group_id, post_id, actor_name, detail, created_at)
				SELECT m.user_id, 'promoted_post', ${group.id}, ${post.id}, ${unit.name}, ${texts.notification}, ${now}
				${audience(group.id)}`
		);
		const pushed = await count(
			sql`INSERT INTO outbox (channel, recipient, subject, body_text, promotion_id, created_at)
				SELECT 'push', 'user:' || m.user_id, ${texts.subject}, ${texts.push}, ${promotion.id}, ${now}
				${audience(group.id)} AND ${hasPushDevice}`
		);
		let texted = 0;
		if (sms) {
			const segments = smsLength(smsText).segments;
			const recipients = Number(
				(await sql<{ n: string }>`SELECT count(*) AS n ${smsAudience(group.id)}`.execute(tx)).rows[0].n
			);
			if (recipients * segments > sms.left)
				throw new AppError(
					'conflict',
					`Limit SMS gminy na ten miesiąc nie wystarczy: potrzeba ${recipients * segments}, zostało ${sms.left}. Wyróżnij post bez SMS.`,
					{ sms: 'Za mało SMS w limicie miesiąca.' }
				);
			texted =
				segments *
				(await count(
					sql`INSERT INTO outbox (channel, recipient, subject, body_text, promotion_id, created_at)
						SELECT 'sms', s.phone, '', ${smsText}, ${promotion.id}, ${now} ${smsAudience(group.id)}`
				));
		}
		await tx.updateTable('promotions').set({ notified, pushed, texted }).where('id', '=', promotion.id).execute();
		// Pakiet 3: the promoted post also appears in the neighbouring groups.
		const crossPosted = region
			? await crossPostInto(tx, ctx.clock, { promotionId: promotion.id, postId: post.id, sourceGroupId: group.id })
			: 0;
		await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId: post.id });
		return { promotionId: promotion.id, endsAt: endsAt.toISOString(), notified, pushed, texted, crossPosted };
	});
}

/** Ends a promotion early (the post stays; what was sent is sent). */
export async function cancelPromotion(ctx: Ctx, actor: Actor | null, promotionId: string): Promise<void> {
	if (!isId(promotionId)) throw notFound('Nie ma takiego wyróżnienia.');
	const promotion = await ctx.db
		.selectFrom('promotions')
		.select(['post_id', 'ends_at', 'cancelled_at'])
		.where('id', '=', promotionId)
		.executeTakeFirst();
	if (!promotion) throw notFound('Nie ma takiego wyróżnienia.');
	const { group } = await promotablePost(ctx, actor, promotion.post_id).catch((e) => {
		// A post unpublished since may still have its promotion ended.
		if (e instanceof AppError && e.code === 'conflict') return { group: null };
		throw e;
	});
	const now = ctx.clock.now();
	if (promotion.cancelled_at || promotion.ends_at <= now)
		throw new AppError('conflict', 'To wyróżnienie już się skończyło.');
	await ctx.db.transaction().execute(async (tx) => {
		await tx
			.updateTable('promotions')
			.set({ cancelled_at: now })
			.where('id', '=', promotionId)
			.where('cancelled_at', 'is', null)
			.execute();
		if (group) await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId: promotion.post_id });
	});
}

/**
 * The reader scrolled past a promoted post, or dismissed it: it leaves the top of their feed (it
 * stays in the feed in its place). Idempotent; a dismissal is kept even if "seen" comes later.
 */
export async function markPromotionSeen(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	promotionId: string,
	dismissed: boolean
): Promise<void> {
	assertSignedIn(actor);
	if (!isId(promotionId)) throw notFound('Nie ma takiego wyróżnienia.');
	const exists = await ctx.db.selectFrom('promotions').select('id').where('id', '=', promotionId).executeTakeFirst();
	if (!exists) throw notFound('Nie ma takiego wyróżnienia.');
	await ctx.db
		.insertInto('promotion_seen')
		.values({ promotion_id: promotionId, user_id: actor.id, dismissed, seen_at: ctx.clock.now() })
		.onConflict((oc) =>
			oc.columns(['promotion_id', 'user_id']).doUpdateSet((eb) => ({
				dismissed: sql<boolean>`${eb.ref('promotion_seen.dismissed')} OR ${dismissed}`
			}))
		)
		.execute();
}
