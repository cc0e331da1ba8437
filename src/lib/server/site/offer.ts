import type { Ctx } from '../context';
import { documentsFor } from '../documents/documents';
import { documentsHtml, renderedPage } from './pages';

/** Groups to choose the documents' municipality from, and the one chosen (the slug, else the first with a package, else the largest). */
export async function offerPlaces(ctx: Ctx, slug: string | null) {
	const groups = await ctx.db
		.selectFrom('groups as g')
		.innerJoin('municipalities as m', 'm.teryt_code', 'g.municipality_code')
		.select(['g.slug', 'g.name', 'm.name as municipality', 'm.kind'])
		.select((eb) => eb.exists(eb.selectFrom('subscriptions as s').select('s.id').whereRef('s.group_id', '=', 'g.id').where('s.status', '=', 'active')).as('has_package'))
		.where('g.is_public', '=', true)
		.orderBy('g.member_count', 'desc')
		.execute();
	const chosen = groups.find((g) => g.slug === slug) ?? groups.find((g) => g.has_package) ?? groups[0] ?? null;
	return { groups: groups.map((g) => ({ slug: g.slug, municipality: g.municipality })), chosen };
}

/** A site page with its [[dokumenty]] block for the chosen municipality. */
export async function pageWithDocuments(ctx: Ctx, pageSlug: string, groupSlug: string | null) {
	const { groups, chosen } = await offerPlaces(ctx, groupSlug);
	const docs = chosen ? documentsFor({ slug: chosen.slug, municipality: chosen.municipality }) : [];
	const extra = chosen
		? [
				{ label: `statystyki ${chosen.municipality} (CSV)`, href: `/pliki/statystyki/${chosen.slug}.csv` },
				{ label: 'JSON', href: `/pliki/statystyki/${chosen.slug}.json` },
				{ label: 'raport jednostek (CSV)', href: `/pliki/raport-jednostek/${chosen.slug}.csv` },
				{ label: 'JSON', href: `/pliki/raport-jednostek/${chosen.slug}.json` }
			]
		: [];
	const page = await renderedPage(ctx, pageSlug, chosen ? { groupName: chosen.name, municipality: chosen.municipality, kind: chosen.kind } : null, { dokumenty: chosen ? documentsHtml(docs, extra) : '<p>Dokumenty pojawią się, gdy powstanie pierwsza grupa.</p>' });
	return { ...page, groups, chosen: chosen ? { slug: chosen.slug, municipality: chosen.municipality, name: chosen.name } : null };
}
