import type { Actor, Ctx } from '../core/context';
import { assertSignedIn } from '../access/actor';
import { unitReport, type UnitMonth } from '../stats/unit-report';
import { warsawDay } from '../../dates';
import { getUnitForStaff } from './units';
import { listUnitTokens } from './tokens';
import { unitPostStats, type UnitPostStats } from './unit-stats';
import { latestPromotions } from '../promotions/reach';
import { unitOpenQuestions } from '../questions/questions';

const refusal = 'Przestrzeń jednostki widzi jej zespół, koordynator gminy i operator.';

/**
 * The unit's workspace (`/jednostka/{id}`), for its staff, the municipality's coordinator and the
 * operator: drafts, scheduled and published posts with their reach (the counters of
 * `unitPostStats`; a promoted post with its latest promotion, for the link to its reach report),
 * the last months from the unit report, the profile, the staff and, for those who manage the
 * unit, its API tokens and the open invitations. The page's forms call the same domain functions
 * as the coordinator's panel: `updateUnitProfile`, `inviteStaff`, `changeStaffRole`,
 * `removeStaff`, `revokeInvitation`, `createUnitToken`, `revokeUnitToken`.
 */
export async function unitWorkspace(ctx: Ctx, actor: Actor | null, unitId: string) {
	assertSignedIn(actor, 'Zaloguj się, aby otworzyć przestrzeń jednostki.');
	const unit = await getUnitForStaff(ctx, actor, unitId, refusal);
	const [{ posts }, tokens, groups, questions] = await Promise.all([
		unitPostStats(ctx, actor, unitId),
		unit.manages ? listUnitTokens(ctx, actor, unitId) : Promise.resolve([]),
		ctx.db
			.selectFrom('groups')
			.innerJoin('units', 'units.municipality_code', 'groups.municipality_code')
			.select(['groups.slug', 'groups.name'])
			.where('units.id', '=', unitId)
			.orderBy('groups.name')
			.execute(),
		unitOpenQuestions(ctx, unitId)
	]);
	// The current month so far and the two before it, as the monthly unit report counts them.
	const month = warsawDay(ctx.clock.now()).slice(0, 7);
	const months: UnitMonth[] = groups.length
		? ((await unitReport(ctx, groups[0].slug, month, 3)).units.find((u) => u.slug === unit.slug)?.months ?? [])
		: [];
	const by = (status: string) => posts.filter((p) => p.status === status);
	const published = by('published');
	const promotions = await latestPromotions(
		ctx.db,
		published.map((p) => p.id),
		ctx.clock.now()
	);
	return {
		unit,
		/** The signed-in person, whose own role and access someone else changes. */
		selfId: actor.id,
		groups,
		/** Residents' questions to the unit still waiting for its answer, oldest first. */
		questions,
		drafts: by('draft'),
		scheduled: by('scheduled').sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? '')),
		published: published.map((p) => ({ ...p, promotion: promotions.get(p.id) ?? null })),
		/** Held by a moderator, sent back for an edit, or rejected. */
		waiting: posts.filter((p) => ['pending', 'changes_requested', 'rejected'].includes(p.status)),
		months: months.reverse(),
		/** The Warsaw month still running (its numbers are so far). */
		currentMonth: month,
		tokens: tokens.map((t) => ({
			id: t.id,
			name: t.name,
			createdAt: t.created_at.toISOString(),
			lastUsedAt: t.last_used_at?.toISOString() ?? null
		}))
	};
}

export type UnitWorkspace = Awaited<ReturnType<typeof unitWorkspace>>;
export type { UnitPostStats };
