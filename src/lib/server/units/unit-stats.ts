import { unitById } from './units';
import type { Actor, Ctx } from '../core/context';
import { assertUnitStaff } from '../access/office';
import { assertSignedIn } from '../access/actor';

export interface UnitPostStats {
	id: string;
	groupSlug: string;
	excerpt: string;
	status: string;
	publishedAt: string | null;
	/** When a scheduled post goes out. */
	scheduledFor: string | null;
	views: number;
	uniqueViewers: number;
	reactions: number;
	comments: number;
	shares: number;
}

/** The publisher's view: the unit's latest posts with their reach. For its staff and the coordinator. */
export async function unitPostStats(
	ctx: Ctx,
	actor: Actor | null,
	unitId: string
): Promise<{ unit: { id: string; name: string }; posts: UnitPostStats[] }> {
	const unit = await unitById(ctx.db, unitId);
	assertSignedIn(actor, 'Zaloguj się, aby to zobaczyć.');
	await assertUnitStaff(ctx, actor, unit, 'Statystyki postów jednostki widzi jej zespół i koordynator gminy.');
	const rows = await ctx.db
		.selectFrom('posts as p')
		.innerJoin('groups as g', 'g.id', 'p.group_id')
		.select([
			'p.id',
			'g.slug',
			'p.body',
			'p.status',
			'p.published_at',
			'p.scheduled_for',
			'p.view_count',
			'p.unique_viewer_count',
			'p.reaction_count',
			'p.comment_count',
			'p.share_count'
		])
		.where('p.unit_id', '=', unitId)
		.where('p.status', 'not in', ['deleted', 'removed'])
		.orderBy('p.created_at', 'desc')
		.limit(50)
		.execute();
	return {
		unit: { id: unit.id, name: unit.name },
		posts: rows.map((r) => ({
			id: r.id,
			groupSlug: r.slug,
			excerpt: r.body.slice(0, 120),
			status: r.status,
			publishedAt: r.published_at?.toISOString() ?? null,
			scheduledFor: r.scheduled_for?.toISOString() ?? null,
			views: r.view_count,
			uniqueViewers: r.unique_viewer_count,
			reactions: r.reaction_count,
			comments: r.comment_count,
			shares: r.share_count
		}))
	};
}
