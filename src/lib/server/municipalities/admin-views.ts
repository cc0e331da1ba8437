import type { Actor, Ctx } from '../core/context';
import { listGroups } from '../groups/groups';
import { assertOperator } from '../access/actor';
import { searchMunicipalities } from './municipalities';

/** The operator's start page (`/admin`): every group, and municipalities matching `q` to found a group in. */
export async function adminOverview(ctx: Pick<Ctx, 'db'>, actor: Actor | null, q: string) {
	assertOperator(actor, 'Tylko operator ma dostęp do administracji.');
	const [groups, municipalities] = await Promise.all([
		listGroups(ctx.db),
		q ? searchMunicipalities(ctx.db, q, 15) : []
	]);
	return { groups, municipalities };
}
