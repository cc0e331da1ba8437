import type { Ctx } from '../core/context';
import { documentsFor } from './documents';
import { findPlace, groupDirectory } from '../stats/public';
import { documentsHtml, renderedPage } from '../site/pages';

/** A site page with its [[dokumenty]] block for the municipality asked for (by slug or name), else the first with a package, else the largest. */
export async function pageWithDocuments(ctx: Ctx, pageSlug: string, asked: string | null) {
	const groups = await groupDirectory(ctx);
	const found = asked ? findPlace(groups, asked) : null;
	const chosen = found ?? groups.find((g) => g.hasPackage) ?? groups[0] ?? null;
	const docs = chosen ? documentsFor({ slug: chosen.slug, municipality: chosen.municipality }) : [];
	const extra = chosen
		? [
				{ label: `statystyki ${chosen.municipality} (CSV)`, href: `/pliki/statystyki/${chosen.slug}.csv` },
				{ label: 'JSON', href: `/pliki/statystyki/${chosen.slug}.json` },
				{ label: 'raport jednostek (CSV)', href: `/pliki/raport-jednostek/${chosen.slug}.csv` },
				{ label: 'JSON', href: `/pliki/raport-jednostek/${chosen.slug}.json` }
			]
		: [];
	const page = await renderedPage(
		ctx,
		pageSlug,
		chosen ? { groupName: chosen.name, municipality: chosen.municipality, kind: chosen.kind } : null,
		{ dokumenty: chosen ? documentsHtml(docs, extra) : '<p>Dokumenty pojawią się, gdy powstanie pierwsza grupa.</p>' }
	);
	return {
		...page,
		chosen: chosen ? { slug: chosen.slug, municipality: chosen.municipality, name: chosen.name } : null,
		notFound: asked && !found ? asked.slice(0, 100) : null,
		several: groups.length > 1
	};
}
