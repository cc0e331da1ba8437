import type { Actor, Ctx } from '../core/context';
import { onlyGroupOf } from '../auth/landing';
import { searchMunicipalities } from '../municipalities/municipalities';
import { filterDirectory, groupDirectory } from '../stats/public';
import { foldText } from '../text/fold';

export interface HomeGroup {
	slug: string;
	name: string;
	municipality: string;
	/** The person's membership: approved, or a request still waiting. */
	status?: 'approved' | 'pending';
}

export interface Home {
	/** A signed-in member of exactly one group reads its feed instead (303). */
	redirectTo: string | null;
	/** The signed-in person's groups (members and requests waiting). */
	myGroups: HomeGroup[];
	q: string;
	/** Groups whose municipality or name matches `q`. */
	found: HomeGroup[];
	/** Municipalities matching `q` that have no group yet (from TERYT). */
	withoutGroup: { name: string; county: string }[];
}

/**
 * The home page for residents: their own groups, or a search by municipality leading to its group's
 * feed (one match opens it at once). Diacritics are optional, as on `/grupy`.
 */
export async function homeFor(ctx: Ctx, actor: Actor | null, query: string | null): Promise<Home> {
	const q = (query ?? '').trim().slice(0, 100);
	if (actor && !q) {
		const only = await onlyGroupOf(ctx, actor);
		if (only) return { redirectTo: `/g/${only}`, myGroups: [], q, found: [], withoutGroup: [] };
	}
	const myGroups: HomeGroup[] = actor
		? (
				await ctx.db
					.selectFrom('memberships')
					.innerJoin('groups', 'groups.id', 'memberships.group_id')
					.innerJoin('municipalities', 'municipalities.teryt_code', 'groups.municipality_code')
					.select(['groups.slug', 'groups.name', 'municipalities.name as municipality', 'memberships.status'])
					.where('memberships.user_id', '=', actor.id)
					.where('memberships.status', 'in', ['approved', 'pending'])
					.orderBy('groups.name')
					.execute()
			).map((g) => ({ ...g, status: g.status === 'pending' ? 'pending' : 'approved' }))
		: [];
	if (!q) return { redirectTo: null, myGroups, q, found: [], withoutGroup: [] };
	const matches = filterDirectory(await groupDirectory(ctx), q);
	const exact = matches.filter((g) => foldText(g.municipality) === foldText(q));
	const one = matches.length === 1 ? matches[0] : exact.length === 1 ? exact[0] : null;
	if (one) return { redirectTo: `/g/${one.slug}`, myGroups, q, found: [], withoutGroup: [] };
	const found = matches.slice(0, 20).map((g) => ({ slug: g.slug, name: g.name, municipality: g.municipality }));
	const withoutGroup = found.length
		? []
		: (await searchMunicipalities(ctx.db, q, 5)).map((m) => ({ name: m.name, county: m.county }));
	return { redirectTo: null, myGroups, q, found, withoutGroup };
}
