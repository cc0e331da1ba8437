// Alerts in open formats, for a municipal website, a local radio or a siren system: each alert, its
// updates and its all-clear as CAP 1.2 (`/alerty/{ref}.cap.xml`), and an Atom index of a group's
// active alerts (`/g/{slug}/alerty.atom`).
import type { Actor, Ctx } from '../core/context';
import type { Group } from '../db/schema';
import { notFound } from '../core/errors';
import { authorizeInGroup } from '../access/group-access';
import { authorizeOnPost } from '../access/post-access';
import { getGroup } from '../groups/groups';
import { alertKinds, type AlertKind } from './alerts';
import { atomXml, type AtomEntry } from './atom';
import { capCategoryFor, capXml, type CapArea, type CapMessage } from './cap';
import { IMGW_PUBLISHER_NAME } from './imgw-import';

/** "123" (the alert), "123-aktualizacja-7" (an update), "123-odwolanie" (the all-clear). */
const REF = /^(\d{1,18})(?:-aktualizacja-(\d{1,18})|-(odwolanie))?$/;

const capPath = (ctx: Ctx, ref: string) => `${ctx.baseUrl}/alerty/${ref}.cap.xml`;

/** CAP's sender: the instance's host, which has no spaces or commas. */
const senderOf = (ctx: Ctx) => `tablica@${new URL(ctx.baseUrl).host}`;

async function alertRow(ctx: Ctx, postId: string) {
	const post = await ctx.db
		.selectFrom('posts as p')
		.innerJoin('users as au', 'au.id', 'p.author_id')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.innerJoin('municipalities as m', 'm.teryt_code', 'g.municipality_code')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select([
			'p.id',
			'p.body',
			'p.alert_kind',
			'p.alert_title',
			'p.published_at',
			'p.urgent_until',
			'p.all_clear_at',
			'p.all_clear_text',
			'p.unit_id',
			'g.slug',
			'g.municipality_code',
			'm.name as municipality'
		])
		.select((eb) => eb.fn.coalesce('un.name', 'au.display_name').as('from'))
		.where('p.id', '=', postId)
		.where('p.status', '=', 'published')
		.where('p.alert_kind', 'is not', null)
		.executeTakeFirst();
	if (!post?.published_at) throw notFound('Nie ma takiego komunikatu.');
	const places = await ctx.db
		.selectFrom('post_places as pp')
		.innerJoin('places as pl', 'pl.id', 'pp.place_id')
		.select(['pl.name', 'pl.kind'])
		.where('pp.post_id', '=', postId)
		.orderBy('pl.name')
		.execute();
	const updates = await ctx.db
		.selectFrom('alert_updates')
		.select(['id', 'body', 'created_at'])
		.where('post_id', '=', postId)
		.orderBy('id')
		.execute();
	return { ...post, published_at: post.published_at, places, updates };
}

type AlertRow = Awaited<ReturnType<typeof alertRow>>;

const placePrefix: Record<string, string> = { solectwo: 'sołectwo ', osiedle: 'osiedle ', locality: '' };

/** The alert's places, each with the gmina's TERYT code; the whole gmina when it names none. */
function areasOf(a: AlertRow): CapArea[] {
	const geocodes = [{ valueName: 'TERYT', value: a.municipality_code }];
	if (a.places.length === 0) return [{ description: `Gmina ${a.municipality}`, geocodes }];
	return a.places.map((p) => ({
		description: `${placePrefix[p.kind] ?? ''}${p.name}, gmina ${a.municipality}`,
		geocodes
	}));
}

/** A CAP message of an alert, of one of its updates, or of its all-clear. */
export async function alertCap(ctx: Ctx, actor: Actor | null, ref: string): Promise<string> {
	const m = REF.exec(ref);
	if (!m) throw notFound('Nie ma takiego komunikatu.');
	const [, postId, updateId, cancel] = m;
	await authorizeOnPost(ctx, actor, postId, 'read');
	const a = await alertRow(ctx, postId);
	const kind = a.alert_kind as AlertKind;
	const title = a.alert_title ?? a.body.split('\n')[0];
	const fromImgw = a.unit_id === null && a.from === IMGW_PUBLISHER_NAME;
	const sender = senderOf(ctx);
	const identifier = (suffix = '') => `tablica-${a.slug}-${a.id}${suffix}`;
	const original = { sender, identifier: identifier(), sent: a.published_at };
	const base: Omit<CapMessage, 'identifier' | 'sent' | 'msgType' | 'description'> = {
		sender,
		event: alertKinds[kind] ?? kind,
		category: capCategoryFor(kind),
		urgency: 'Immediate',
		severity: fromImgw ? imgwSeverity(title) : 'Unknown',
		certainty: fromImgw ? 'Likely' : 'Observed',
		senderName: a.from,
		headline: title,
		expires: a.urgent_until ?? a.published_at,
		web: `${ctx.baseUrl}/g/${a.slug}/p/${a.id}`,
		areas: areasOf(a)
	};
	if (cancel) {
		if (!a.all_clear_at) throw notFound('Ten komunikat nie został odwołany.');
		return capXml({
			...base,
			identifier: identifier('-odwolanie'),
			sent: a.all_clear_at,
			msgType: 'Cancel',
			references: [original],
			description: a.all_clear_text ?? '',
			expires: a.all_clear_at
		});
	}
	if (updateId) {
		const u = a.updates.find((x) => x.id === updateId);
		if (!u) throw notFound('Nie ma takiej aktualizacji komunikatu.');
		return capXml({
			...base,
			identifier: identifier(`-aktualizacja-${u.id}`),
			sent: u.created_at,
			msgType: 'Update',
			references: [original],
			description: u.body
		});
	}
	return capXml({
		...base,
		identifier: original.identifier,
		sent: a.published_at,
		msgType: 'Alert',
		description: a.body.slice(title.length).trim() || title
	});
}

/** IMGW's three levels as CAP severities (the level is in the alert's title). */
function imgwSeverity(title: string): CapMessage['severity'] {
	const level = /(\d)\. stopnia$/.exec(title)?.[1];
	return level === '3' ? 'Extreme' : level === '2' ? 'Severe' : 'Moderate';
}

/** The group's active alerts as an Atom feed; each entry links its latest CAP message. */
export async function groupAlertsAtom(ctx: Ctx, actor: Actor | null, slug: string): Promise<string> {
	const group: Group = await getGroup(ctx.db, slug);
	await authorizeInGroup(ctx, actor, group, 'read');
	const now = ctx.clock.now();
	const active = await ctx.db
		.selectFrom('posts as p')
		.select('p.id')
		.where('p.group_id', '=', group.id)
		.where('p.status', '=', 'published')
		.where('p.alert_kind', 'is not', null)
		.where('p.all_clear_at', 'is', null)
		.where('p.urgent_until', '>', now)
		.orderBy('p.published_at', 'desc')
		.limit(50)
		.execute();
	const entries: AtomEntry[] = [];
	for (const { id } of active) {
		const a = await alertRow(ctx, id);
		const last = a.updates.at(-1);
		const title = a.alert_title ?? a.body.split('\n')[0];
		entries.push({
			id: `${ctx.baseUrl}/g/${a.slug}/p/${a.id}`,
			title,
			published: a.published_at,
			updated: last?.created_at ?? a.published_at,
			summary: last ? `Aktualizacja: ${last.body}` : a.body.slice(title.length).trim() || title,
			link: `${ctx.baseUrl}/g/${a.slug}/p/${a.id}`,
			capLink: capPath(ctx, last ? `${a.id}-aktualizacja-${last.id}` : a.id),
			categories: [alertKinds[a.alert_kind as AlertKind] ?? a.alert_kind!],
			author: a.from
		});
	}
	const updated = entries.reduce((t, e) => (e.updated > t ? e.updated : t), new Date(0));
	return atomXml({
		id: `${ctx.baseUrl}/g/${group.slug}/alerty.atom`,
		title: `Komunikaty pilne: ${group.name}`,
		subtitle: 'Aktywne komunikaty pilne grupy; każdy także w formacie CAP 1.2.',
		updated: entries.length ? updated : now,
		selfLink: `${ctx.baseUrl}/g/${group.slug}/alerty.atom`,
		alternateLink: `${ctx.baseUrl}/g/${group.slug}`,
		author: group.name,
		entries
	});
}
