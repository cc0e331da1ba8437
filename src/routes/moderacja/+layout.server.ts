import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** The groups the actor moderates (all for the operator) and the one chosen with ?grupa=. */
export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/logowanie?dalej=${encodeURIComponent(url.pathname + url.search)}`);
	const { ctx, actor } = locals;
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
	if (groups.length === 0) error(403, { message: 'Nie moderujesz żadnej grupy.' });
	const waiting = (g: (typeof groups)[number]) => Number(g.pending) + Number(g.reports);
	// Without a choice, the group with the longest queue.
	const selected =
		groups.find((g) => g.slug === url.searchParams.get('grupa')) ??
		[...groups].sort((a, b) => waiting(b) - waiting(a))[0];
	return {
		groups: groups.map((g) => ({ slug: g.slug, name: g.name, waiting: waiting(g) })),
		group: { slug: selected.slug, name: selected.name }
	};
};
