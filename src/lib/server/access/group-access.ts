import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group } from '../db/schema';
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { activeSanctionQuery, type ActiveSanction } from './active-sanction';
import { packageActive } from './package-state';
import { prepared } from '../db/prepared';
import { assertCan, type ActorFor, type GroupAction, type GroupRole } from './policy';

export interface GroupAccess {
	role: GroupRole;
	/** Units in the group's municipality the actor may publish as. */
	/** Units the actor may publish as here; `publishing`: their posts skip approval right now. */
	units: { id: string; name: string; type: string; slug: string; publishing: boolean; mayAlert: boolean }[];
	membershipStatus: 'pending' | 'approved' | 'declined' | null;
	/** The strongest active mute, suspension or ban, if any. */
	sanction: ActiveSanction | null;
	/** When the membership was approved. */
	memberSince: Date | null;
	/**
	 * An approved member never asked which urgent alerts they want (joined before the question was
	 * part of joining) and without a choice of their own: the group page asks once.
	 */
	alertsUnasked: boolean;
}

/** A member within the group's first days, whose posts and comments are always held. */
export function isNewMember(group: Pick<Group, 'new_member_days'>, access: GroupAccess, now: Date): boolean {
	return (
		access.role === 'member' &&
		group.new_member_days > 0 &&
		access.memberSince !== null &&
		now.getTime() - access.memberSince.getTime() < group.new_member_days * 86_400_000
	);
}

/**
 * Units of a municipality a person may publish as: their own (editor or unit admin), and those the
 * coordinator opened to the office's staff ("z profili wskazanych przez urząd").
 */
function unitsOfQuery(db: Db, userId: string, municipalityCode: string) {
	return db
		.selectFrom('units')
		.select([
			// JSON would turn the bigint into a number; ids are digit strings everywhere else.
			sql<string>`units.id::text`.as('id'),
			'units.name',
			'units.type',
			'units.slug',
			'units.can_publish',
			'units.may_alert'
		])
		.where('units.municipality_code', '=', municipalityCode)
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('unit_members as um')
						.select('um.unit_id')
						.whereRef('um.unit_id', '=', 'units.id')
						.where('um.user_id', '=', userId)
				),
				eb.and([
					eb('units.office_publishes', '=', true),
					eb.exists(
						eb
							.selectFrom('unit_members as om')
							.innerJoin('units as office', 'office.id', 'om.unit_id')
							.select('om.unit_id')
							.where('om.user_id', '=', userId)
							.where('office.type', '=', 'office')
							.whereRef('office.municipality_code', '=', 'units.municipality_code')
					)
				])
			])
		)
		.orderBy('units.name');
}

const standingQuery = prepared((db: Db, groupId: string, userId: string, municipalityCode: string, now: Date) =>
	db.selectNoFrom((eb) => [
		jsonObjectFrom(
			eb
				.selectFrom('memberships')
				.select(['status', 'role', 'decided_at'])
				// One column more rather than a query more: the group page asks a member once about alerts.
				.select((eb) =>
					eb
						.and([
							eb('alerts_asked_at', 'is', null),
							eb.not(
								eb.exists(
									eb
										.selectFrom('alert_subscriptions as s')
										.select('s.user_id')
										.whereRef('s.group_id', '=', 'memberships.group_id')
										.whereRef('s.user_id', '=', 'memberships.user_id')
								)
							)
						])
						.as('alerts_unasked')
				)
				.where('group_id', '=', groupId)
				.where('user_id', '=', userId)
		).as('membership'),
		jsonArrayFrom(unitsOfQuery(db, userId, municipalityCode)).as('units'),
		jsonObjectFrom(activeSanctionQuery(db, groupId, userId, now)).as('sanction')
	])
);

/**
 * The actor's standing in a group: membership, units and an active sanction, in one query (every
 * signed-in page asks it). A sanction (mute, suspension, ban) lowers the role; operators and
 * moderators are never sanctioned.
 */
export async function groupAccess(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	group: Group
): Promise<GroupAccess> {
	if (!actor)
		return {
			role: 'anonymous',
			units: [],
			membershipStatus: null,
			sanction: null,
			memberSince: null,
			alertsUnasked: false
		};
	const [standing] = await standingQuery(ctx.db, group.id, actor.id, group.municipality_code, ctx.clock.now());
	const { membership, units } = standing;
	const sanction: ActiveSanction | null = standing.sanction && {
		kind: standing.sanction.kind as ActiveSanction['kind'],
		endsAt: new Date(standing.sanction.ends_at),
		reason: standing.sanction.reason
	};
	const status = membership?.status ?? null;
	// A unit's posts skip approval while the group's package is active and the unit is enabled.
	const active = units.length > 0 && (await packageActive(ctx, group.id));
	const withPublishing = units.map((u) => ({
		id: u.id,
		name: u.name,
		type: u.type,
		slug: u.slug,
		publishing: active && u.can_publish,
		mayAlert: u.may_alert
	}));
	let role: GroupRole;
	if (actor.isOperator) role = 'operator';
	else if (status === 'approved' && membership!.role === 'moderator') role = 'moderator';
	else if (sanction) role = sanction.kind === 'ban' ? 'banned' : sanction.kind === 'suspend' ? 'suspended' : 'muted';
	else if (status === 'approved') role = 'member';
	else if (units.length > 0) role = 'publisher';
	else if (status === 'pending') role = 'pending';
	else role = 'user';
	return {
		role,
		units: role === 'muted' || role === 'suspended' || role === 'banned' ? [] : withPublishing,
		membershipStatus: status,
		sanction: role === 'operator' || role === 'moderator' ? null : sanction,
		memberSince: status === 'approved' && membership!.decided_at ? new Date(membership!.decided_at) : null,
		alertsUnasked: status === 'approved' && membership!.alerts_unasked === true
	};
}

/**
 * The actor's standing in the group, after checking that they may do the action there; the actor
 * comes back signed in for every action but reading.
 */
export async function authorizeInGroup<A extends GroupAction>(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	actor: Actor | null,
	group: Group,
	action: A
): Promise<{ actor: ActorFor<A>; access: GroupAccess }> {
	const access = await groupAccess(ctx, actor, group);
	assertCan(access.role, action, group, actor);
	return { actor, access };
}
