import type { Actor, Ctx } from '../core/context';
import { assertOperator } from '../access/actor';
import { blocks, getSitePage, listSitePages, placeholders } from './pages';

const refusal = 'Strony serwisu zmienia operator.';

/** The site's pages for the operator (`/admin/strony`). */
export async function sitePagesForOperator(ctx: Pick<Ctx, 'db'>, actor: Actor | null) {
	assertOperator(actor, refusal);
	const pages = await listSitePages(ctx.db);
	return pages.map((p) => ({ slug: p.slug, title: p.title, updatedAt: p.updatedAt?.toISOString() ?? null }));
}

/** One page in the operator's editor, with the live values and blocks it may cite. */
export async function sitePageForEditing(ctx: Pick<Ctx, 'db'>, actor: Actor | null, slug: string) {
	assertOperator(actor, refusal);
	const p = await getSitePage(ctx.db, slug);
	return {
		page: { slug: p.slug, title: p.title, body: p.body, updatedAt: p.updatedAt?.toISOString() ?? null },
		placeholders,
		blocks
	};
}
