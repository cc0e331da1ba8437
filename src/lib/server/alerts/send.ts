import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { insertedCount, type Db } from '../db/database';
import type { AlertCounts, Group } from '../db/schema';
import type { CategoryCode } from '../groups/categories';
import { AppError } from '../core/errors';
import { idSchema, parseInput } from '../core/validation';
import { groupAccess } from '../access/group-access';
import { assertSignedIn } from '../access/actor';
import { groupPlaceIds, placeLabel, placeTree, relatedPlaceIds } from '../places/places';
import { smsLength, type SmsLength } from '../text/sms';
import { foldText } from '../text/fold';
import { formatDateTime } from '../../format';
import { alertKindIds, alertKinds, MAX_ALERT_HOURS, smsSettings, type AlertKind } from './alerts';
import { alertSms, urgentAlertMessage } from './messages';

export const alertChannels = ['push', 'email', 'sms'] as const;
export type AlertChannel = (typeof alertChannels)[number];

/** Where an alert of each kind is filed in the feed. */
const categoryOf: Record<AlertKind, CategoryCode> = {
	safety: 'safety',
	weather: 'safety',
	utilities: 'municipal',
	roads: 'municipal',
	health: 'social',
	other: 'official'
};

export const alertInputSchema = z.object({
	unitId: idSchema('Wybierz jednostkę, która wysyła komunikat.'),
	kind: z.enum(alertKindIds, { error: 'Wybierz, czego dotyczy komunikat.' }),
	title: z
		.string({ error: 'Podaj tytuł komunikatu.' })
		.trim()
		.min(3, 'Tytuł musi mieć co najmniej 3 znaki.')
		.max(120, 'Tytuł może mieć najwyżej 120 znaków.'),
	body: z
		.string({ error: 'Napisz treść komunikatu.' })
		.trim()
		.min(3, 'Treść musi mieć co najmniej 3 znaki.')
		.max(2000, 'Treść może mieć najwyżej 2000 znaków.'),
	/** No places: the whole municipality. */
	places: z.array(z.string()).max(100, 'Wybierz najwyżej 100 miejsc.').default([]),
	until: z.date({ error: 'Podaj, do kiedy komunikat jest ważny (data i godzina).' }),
	channels: z.array(z.enum(alertChannels, { error: 'Nie ma takiego kanału.' })).default([])
});

export type AlertInput = z.infer<typeof alertInputSchema>;

export interface AlertAudience {
	/** Everyone who gets it sees it in the app. */
	inApp: number;
	push: number;
	email: number;
	sms: number;
}

export interface AlertPreview {
	unitName: string;
	kindLabel: string;
	title: string;
	body: string;
	until: Date;
	/** The chosen places as people read them; empty for the whole municipality. */
	places: string[];
	channels: AlertChannel[];
	audience: AlertAudience;
	/** The exact SMS text and its length; null when SMS is not sent. */
	sms: (SmsLength & { text: string; messages: number; priceGrosze: number; costGrosze: number }) | null;
	smsAvailable: boolean;
}

interface Checked {
	data: AlertInput;
	unit: { id: string; name: string };
	placeIds: string[];
	targetIds: string[];
	placeNames: string[];
	sms: { enabled: boolean; priceGrosze: number };
}

/** Who may send, what and where: the same checks for the preview and the send. */
async function checkAlert(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<Checked> {
	assertSignedIn(actor, 'Zaloguj się, aby wysłać komunikat pilny.');
	const access = await groupAccess(ctx, actor, group);
	const data = parseInput(alertInputSchema, input);
	const unit = access.units.find((u) => u.id === data.unitId);
	const field = { unitId: 'Wybierz jednostkę, która może wysyłać komunikaty pilne.' };
	if (!unit?.mayAlert)
		throw new AppError(
			'forbidden',
			'Komunikat pilny może wysłać jednostka, której koordynator gminy na to pozwolił (np. urząd, OSP, zakład komunalny).',
			field
		);
	if (!unit.publishing)
		throw new AppError(
			'conflict',
			'Komunikaty pilne wysyła jednostka, która publikuje bez akceptacji (aktywny pakiet gminy).',
			field
		);
	const now = ctx.clock.now();
	if (data.until <= now)
		throw new AppError('validation', 'Termin ważności komunikatu musi być w przyszłości.', {
			until: 'Podaj przyszłą datę i godzinę.'
		});
	if (data.until.getTime() - now.getTime() > MAX_ALERT_HOURS * 3_600_000)
		throw new AppError('validation', 'Komunikat pilny może być ważny najwyżej 7 dni.', {
			until: 'Najwyżej 7 dni od teraz.'
		});
	const placeIds = await groupPlaceIds(ctx.db, group.id, data.places);
	const targetIds = placeIds.length ? (await relatedPlaceIds(ctx.db, placeIds).execute()).map((r) => r.id) : [];
	const tree = placeIds.length ? await placeTree(ctx.db, group.id) : null;
	const placeNames = tree ? placeIds.map((id) => placeLabel(tree, tree.byId.get(id)!)) : [];
	return { data, unit, placeIds, targetIds, placeNames, sms: await smsSettings(ctx.db, group.municipality_code) };
}

/**
 * Members who asked for this kind of alert, in the chosen places. A member who follows no place
 * gets alerts for every place: nobody misses a warning for not having said where they live.
 */
function audienceSql(groupId: string, kind: AlertKind, targetIds: string[]) {
	const inPlaces = targetIds.length
		? sql`AND (NOT EXISTS (SELECT 1 FROM member_places mp WHERE mp.group_id = s.group_id AND mp.user_id = s.user_id)
			OR EXISTS (SELECT 1 FROM member_places mp WHERE mp.group_id = s.group_id AND mp.user_id = s.user_id
				AND mp.place_id = ANY (${targetIds}::bigint[])))`
		: sql``;
	return sql`
		FROM alert_subscriptions s
		JOIN memberships ms ON ms.group_id = s.group_id AND ms.user_id = s.user_id AND ms.status = 'approved'
		JOIN users u ON u.id = s.user_id AND u.deleted_at IS NULL
		WHERE s.group_id = ${groupId} AND ${kind} = ANY (s.kinds) ${inPlaces}`;
}

/** SMS go only to a number its owner confirmed with a code (alias `s`: the alert subscription). */
const smsConfirmed = sql`EXISTS (SELECT 1 FROM phone_verifications pv
	WHERE pv.group_id = s.group_id AND pv.user_id = s.user_id AND pv.verified_at IS NOT NULL AND pv.phone = s.phone)`;

function channelFlags(channels: AlertChannel[], smsEnabled: boolean) {
	return {
		push: channels.includes('push'),
		email: channels.includes('email'),
		sms: smsEnabled && channels.includes('sms')
	};
}

/** The confirmation screen: the audience per channel for the chosen places, the SMS text, its length and cost. */
export async function previewAlert(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<AlertPreview> {
	const c = await checkAlert(ctx, actor, group, input);
	const flags = channelFlags(c.data.channels, c.sms.enabled);
	const counted = await sql<{ in_app: string; push: string; email: string; sms: string }>`
		SELECT count(*) AS in_app,
			count(*) FILTER (WHERE s.by_push AND ${flags.push}) AS push,
			count(*) FILTER (WHERE s.by_email AND ${flags.email}) AS email,
			count(*) FILTER (WHERE s.by_sms AND ${smsConfirmed} AND ${flags.sms}) AS sms
		${audienceSql(group.id, c.data.kind, c.targetIds)}`.execute(ctx.db);
	const row = counted.rows[0];
	const audience = {
		inApp: Number(row.in_app),
		push: Number(row.push),
		email: Number(row.email),
		sms: Number(row.sms)
	};
	// The SMS links to the post; its id is not known yet, so the preview counts the longest id.
	const text = alertSms({
		from: c.unit.name,
		title: c.data.title,
		postUrl: `${ctx.baseUrl}/g/${group.slug}/p/9999999`
	});
	const length = smsLength(text);
	const messages = length.segments * audience.sms;
	return {
		unitName: c.unit.name,
		kindLabel: alertKinds[c.data.kind],
		title: c.data.title,
		body: c.data.body,
		until: c.data.until,
		places: c.placeNames,
		channels: c.data.channels,
		audience,
		sms: flags.sms
			? { ...length, text, messages, priceGrosze: c.sms.priceGrosze, costGrosze: messages * c.sms.priceGrosze }
			: null,
		smsAvailable: c.sms.enabled
	};
}

/** Sends a confirmed alert (see publishAlert). */
export async function sendAlert(
	ctx: Ctx,
	actor: Actor | null,
	group: Group,
	input: unknown
): Promise<{ postId: string; sent: AlertCounts }> {
	const c = await checkAlert(ctx, actor, group, input);
	return ctx.db.transaction().execute((tx) =>
		publishAlert(ctx, tx, {
			group,
			authorId: actor!.id,
			unitId: c.unit.id,
			from: c.unit.name,
			kind: c.data.kind,
			title: c.data.title,
			body: c.data.body,
			until: c.data.until,
			channels: c.data.channels,
			smsEnabled: c.sms.enabled,
			placeIds: c.placeIds,
			targetIds: c.targetIds
		})
	);
}

export interface NewAlert {
	group: Group;
	authorId: string;
	/** Null for a system publisher (IMGW-PIB). */
	unitId: string | null;
	/** Who sends it, as people read it. */
	from: string;
	kind: AlertKind;
	title: string;
	body: string;
	until: Date;
	channels: AlertChannel[];
	smsEnabled: boolean;
	/** The places the post names, and the places whose members get it (with their sołectwa and localities). */
	placeIds: string[];
	targetIds: string[];
}

/**
 * Publishes an alert in the caller's transaction: the post (on top until it expires, marked with
 * its places), the list of its recipients with their channels (kept, so an update and the
 * all-clear reach the same people), and their notifications and outbox messages — a handful of
 * statements whatever the group's size.
 */
export async function publishAlert(ctx: Ctx, tx: Db, a: NewAlert): Promise<{ postId: string; sent: AlertCounts }> {
	const { group } = a;
	const flags = channelFlags(a.channels, a.smsEnabled);
	const now = ctx.clock.now();
	const body = `${a.title}\n\n${a.body}`;
	const post = await tx
		.insertInto('posts')
		.values({
			group_id: group.id,
			author_id: a.authorId,
			unit_id: a.unitId,
			category: categoryOf[a.kind],
			body,
			body_folded: foldText(body),
			status: 'published',
			reaction_counts: '{}',
			created_at: now,
			published_at: now,
			urgent_until: a.until,
			alert_kind: a.kind,
			alert_title: a.title,
			alert_channels: a.channels
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (a.placeIds.length)
		await tx
			.insertInto('post_places')
			.values(a.placeIds.map((place_id) => ({ post_id: post.id, place_id })))
			.execute();
	await sql`INSERT INTO alert_recipients (post_id, user_id, by_push, by_email, by_sms)
		SELECT ${post.id}, s.user_id, s.by_push AND ${flags.push}, s.by_email AND ${flags.email},
			s.by_sms AND ${smsConfirmed} AND ${flags.sms}
		${audienceSql(group.id, a.kind, a.targetIds)}`.execute(tx);
	const postUrl = `${ctx.baseUrl}/g/${group.slug}/p/${post.id}`;
	const settingsUrl = `${ctx.baseUrl}/g/${group.slug}/komunikaty`;
	const texts = urgentAlertMessage({
		from: a.from,
		groupName: group.name,
		kindLabel: alertKinds[a.kind],
		until: formatDateTime(a.until),
		title: a.title,
		body: a.body,
		postUrl,
		settingsUrl
	});
	const sent = await fanOutToRecipients(ctx, tx, {
		groupId: group.id,
		postId: post.id,
		notificationKind: 'urgent_alert',
		settingsUrl,
		...texts
	});
	await tx
		.updateTable('posts')
		.set({ alert_sent: JSON.stringify(sent) })
		.where('id', '=', post.id)
		.execute();
	await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId: post.id });
	return { postId: post.id, sent };
}

export interface RecipientMessage {
	groupId: string;
	postId: string;
	notificationKind: 'urgent_alert' | 'urgent_all_clear' | 'urgent_update';
	notification: string;
	subject: string;
	text: string;
	sms: string;
	settingsUrl: string;
}

/**
 * Tells an alert's recipients, each on the channels they got it by and still want (a member who
 * turned e-mail off since is not e-mailed the all-clear). Outbox rows carry the alert, so its
 * delivery can be followed.
 */
export async function fanOutToRecipients(ctx: Pick<Ctx, 'clock'>, tx: Db, m: RecipientMessage): Promise<AlertCounts> {
	const now = ctx.clock.now();
	const recipients = sql`
		FROM alert_recipients r
		JOIN users u ON u.id = r.user_id AND u.deleted_at IS NULL
		LEFT JOIN alert_subscriptions s ON s.group_id = ${m.groupId} AND s.user_id = r.user_id
		WHERE r.post_id = ${m.postId}`;
	const count = (insert: ReturnType<typeof sql>) => insertedCount(tx, insert);
	const inApp = await count(
		sql`INSERT INTO notifications (user_id, kind, group_id, post_id, detail, created_at)
			SELECT r.user_id, ${m.notificationKind}, ${m.groupId}, ${m.postId}, ${m.notification}, ${now} ${recipients}`
	);
	const email = await count(
		sql`INSERT INTO outbox (channel, recipient, subject, body_text, unsubscribe_url, alert_post_id, created_at)
			SELECT 'email', u.email, ${m.subject}, ${m.text}, ${m.settingsUrl}, ${m.postId}, ${now} ${recipients}
			AND r.by_email AND s.by_email`
	);
	const push = await count(
		sql`INSERT INTO outbox (channel, recipient, subject, body_text, alert_post_id, created_at)
			SELECT 'push', 'user:' || r.user_id, ${m.subject}, ${m.sms}, ${m.postId}, ${now} ${recipients}
			AND r.by_push AND s.by_push`
	);
	const sms = await count(
		sql`INSERT INTO outbox (channel, recipient, subject, body_text, alert_post_id, created_at)
			SELECT 'sms', s.phone, '', ${m.sms}, ${m.postId}, ${now} ${recipients}
			AND r.by_sms AND s.by_sms AND ${smsConfirmed}`
	);
	return { inApp, email, push, sms };
}

export interface AlertDelivery {
	channel: 'email' | 'push' | 'sms';
	queued: number;
	sent: number;
	failed: number;
}

/** How far the alert's messages have got, per channel (the result page follows it live). */
export async function alertDelivery(db: Db, postId: string): Promise<AlertDelivery[]> {
	const rows = await db
		.selectFrom('outbox')
		.select(['channel', 'status', (eb) => eb.fn.countAll<string>().as('n')])
		.where('alert_post_id', '=', postId)
		.groupBy(['channel', 'status'])
		.execute();
	return (['push', 'email', 'sms'] as const).map((channel) => {
		const of = (...statuses: string[]) =>
			rows.filter((r) => r.channel === channel && statuses.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);
		return { channel, queued: of('pending'), sent: of('sent'), failed: of('failed', 'dead') };
	});
}
