import type { Actor, Ctx } from '../core/context';
import { AppError, unauthenticated } from '../core/errors';

/**
 * The groups the actor moderates (all for the operator), each with how much waits in its queue,
 * and the one chosen by slug (without a choice, the one with the longest queue). Refused when none.
 */
export async function moderatedGroups(ctx: Pick<Ctx, 'db'>, actor: Actor | null, chosenSlug: string | null) {
	if (!actor) throw unauthenticated();
	let q = ctx.db.selectFrom('groups').selectAll('groups').orderBy('groups.name');
	if (!actor.isOperator) {
		q = q
			.innerJoin('memberships as m', 'm.group_id', 'groups.id')
			.where('m.user_id', '=', actor.id)
			.where('m.role', '=', 'moderator')
			.where('m.status', '=', 'approved');
	}
	const groups = await q
		.select((eb) => [
			eb
				.selectFrom('posts')
				.select(eb.fn.countAll<string>().as('n'))
				.whereRef('posts.group_id', '=', 'groups.id')
				.where('posts.status', '=', 'pending')
				.as('pending'),
			eb
				.selectFrom('reports')
				.select(eb.fn.countAll<string>().as('n'))
				.whereRef('reports.group_id', '=', 'groups.id')
				.where('reports.status', '=', 'open')
				.as('reports')
		])
		.execute();
	if (groups.length === 0) throw new AppError('forbidden', 'Nie moderujesz żadnej grupy.');
	const waiting = (g: (typeof groups)[number]) => Number(g.pending) + Number(g.reports);
	const selected = groups.find((g) => g.slug === chosenSlug) ?? [...groups].sort((a, b) => waiting(b) - waiting(a))[0];
	return {
		groups: groups.map((g) => ({ slug: g.slug, name: g.name, waiting: waiting(g) })),
		group: { slug: selected.slug, name: selected.name }
	};
}
