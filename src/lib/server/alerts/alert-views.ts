import type { Actor, Ctx } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { isId } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { groupAccess } from '../access/group-access';
import { can } from '../access/policy';
import { getGroup } from '../groups/groups';
import { placeLabel, placeTree } from '../places/places';
import { alertKinds, smsSettings } from './alerts';
import { alertDelivery } from './send';

const NOT_ALERTING =
	'Komunikaty pilne wysyłają jednostki, którym koordynator gminy na to pozwolił — Twoje konto nie należy do żadnej z nich.';

/** The groups where the actor may send alerts: those of the municipalities of their alerting units. */
async function alertingGroupSlug(ctx: Ctx, actor: Actor): Promise<string | null> {
	const row = await ctx.db
		.selectFrom('unit_members as um')
		.innerJoin('units as u', 'u.id', 'um.unit_id')
		.innerJoin('groups as g', 'g.municipality_code', 'u.municipality_code')
		.select('g.slug')
		.where('um.user_id', '=', actor.id)
		.where('u.may_alert', '=', true)
		.orderBy('g.slug')
		.executeTakeFirst();
	return row?.slug ?? null;
}

/** The alert form (`/urzad/komunikat`): the units that may send, the kinds, the group's places. */
export async function alertComposer(ctx: Ctx, actor: Actor | null, slug: string | null) {
	assertSignedIn(actor, 'Zaloguj się, aby wysłać komunikat pilny.');
	const chosen = slug || (await alertingGroupSlug(ctx, actor));
	if (!chosen) throw new AppError('forbidden', NOT_ALERTING);
	const group = await getGroup(ctx.db, chosen);
	const access = await groupAccess(ctx, actor, group);
	const units = access.units.filter((u) => u.mayAlert);
	if (units.length === 0) throw new AppError('forbidden', NOT_ALERTING);
	const tree = await placeTree(ctx.db, group.id);
	const sms = await smsSettings(ctx.db, group.municipality_code);
	return {
		group: { slug: group.slug, name: group.name },
		units: units.map((u) => ({ id: u.id, name: u.name, publishing: u.publishing })),
		kinds: Object.entries(alertKinds).map(([id, label]) => ({ id, label })),
		areas: tree.areas.map((a) => ({
			id: a.id,
			label: placeLabel(tree, a),
			localities: a.localities.map((l) => ({ id: l.id, label: l.name }))
		})),
		unassigned: tree.unassigned.map((l) => ({ id: l.id, label: l.name })),
		smsAvailable: sms.enabled
	};
}

/** The result page of a sent alert: what was sent, to how many, and how far delivery has got. */
export async function alertResult(ctx: Ctx, actor: Actor | null, postId: string) {
	assertSignedIn(actor);
	const post = await ctx.db
		.selectFrom('posts as p')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select([
			'p.id',
			'p.alert_title',
			'p.alert_kind',
			'p.alert_sent',
			'p.urgent_until',
			'p.all_clear_at',
			'p.unit_id',
			'un.name as unit_name',
			'g.slug as group_slug',
			'g.name as group_name'
		])
		.where('p.id', '=', isId(postId) ? postId : '0')
		.where('p.alert_kind', 'is not', null)
		.executeTakeFirst();
	if (!post) throw notFound('Nie ma takiego komunikatu.');
	const group = await getGroup(ctx.db, post.group_slug);
	const access = await groupAccess(ctx, actor, group);
	if (!access.units.some((u) => u.id === post.unit_id) && !can(access.role, 'moderate', group))
		throw new AppError('forbidden', 'Wynik wysyłki widzi jednostka, która wysłała komunikat, i moderatorzy grupy.');
	return {
		alert: {
			id: post.id,
			title: post.alert_title,
			kindLabel: alertKinds[post.alert_kind as keyof typeof alertKinds] ?? post.alert_kind,
			unitName: post.unit_name,
			until: post.urgent_until?.toISOString() ?? null,
			allClearAt: post.all_clear_at?.toISOString() ?? null,
			sent: post.alert_sent,
			groupSlug: post.group_slug,
			groupName: post.group_name
		},
		delivery: await alertDelivery(ctx.db, post.id)
	};
}
