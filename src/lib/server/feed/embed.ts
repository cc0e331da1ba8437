import type { Actor, Ctx } from '../core/context';
import { getGroup, getGroupForReading } from '../groups/groups';
import { groupAccess } from '../access/group-access';
import { can } from '../access/policy';
import { assertCoordinator } from '../access/office';
import { assertSignedIn } from '../access/actor';
import { packageIncludes } from '../access/package-state';
import { unitTypeLabel } from '../groups/unit-types';
import { AppError } from '../core/errors';
import { excerpt } from '../../text/excerpt';

/** Colours of the widget when none (or none readable) are asked for. */
export const DEFAULT_THEME = { accent: '#1f5fa8', background: '#ffffff' } as const;
export const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 10;
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** `1f5fa8`, `#1f5fa8` or `fff` as `#rrggbb`, anything else null. */
export function parseHexColour(value: string | null | undefined): string | null {
	const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value ?? '').trim());
	if (!m) return null;
	const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
	return `#${hex.toLowerCase()}`;
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.x). */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

export interface EmbedTheme {
	/** Links and the unit names. */
	accent: string;
	background: string;
	/** Body text: near-black or white, whichever reads better on the background. */
	text: string;
	/** False when the asked-for colours were dropped (invalid, or too little contrast). */
	custom: boolean;
}

/**
 * The widget's colours from `?kolor=` (accent) and `?tlo=` (background). A value that is not a hex
 * colour is ignored; a pair whose contrast is below WCAG AA (4.5:1) falls back to the defaults.
 */
export function embedTheme(kolor: string | null, tlo: string | null): EmbedTheme {
	const accent = parseHexColour(kolor) ?? DEFAULT_THEME.accent;
	const background = parseHexColour(tlo) ?? DEFAULT_THEME.background;
	const chosen = accent !== DEFAULT_THEME.accent || background !== DEFAULT_THEME.background;
	const text = contrastRatio('#1a1a1a', background) >= contrastRatio('#ffffff', background) ? '#1a1a1a' : '#ffffff';
	if (contrastRatio(accent, background) >= MIN_CONTRAST && contrastRatio(text, background) >= MIN_CONTRAST)
		return { accent, background, text, custom: chosen };
	return { ...DEFAULT_THEME, text: '#1a1a1a', custom: false };
}

/** `?limit=`: a whole number, clamped to 1–10; anything else the default. */
export function embedLimit(value: string | null): number {
	if (!value || !/^\d{1,3}$/.test(value.trim())) return DEFAULT_LIMIT;
	return Math.min(MAX_LIMIT, Math.max(1, Number(value)));
}

export interface EmbedQuery {
	kolor: string | null;
	tlo: string | null;
	limit: string | null;
}

export interface EmbedPost {
	id: string;
	url: string;
	unitName: string;
	unitTypeLabel: string;
	verified: boolean;
	publishedAt: string;
	excerpt: string;
}

export type EmbedWidget =
	| { variant: 'widget'; group: { name: string; url: string }; theme: EmbedTheme; posts: EmbedPost[] }
	| { variant: 'link'; group: { name: string; url: string }; theme: EmbedTheme };

/**
 * What `/osadz/{slug}` shows on the municipality's website: with Pakiet 3 in force today, the
 * latest published posts of the office and the units (never residents'); otherwise only a link
 * to the group. A group that visitors may not read shows no posts either.
 */
export async function embedWidget(ctx: Ctx, slug: string, query: EmbedQuery): Promise<EmbedWidget> {
	const { group } = await getGroupForReading(ctx.db, slug);
	const theme = embedTheme(query.kolor, query.tlo);
	const groupView = { name: group.name, url: `${ctx.baseUrl}/g/${group.slug}` };
	if (!(await packageIncludes(ctx, group.id, 'pakiet3'))) return { variant: 'link', group: groupView, theme };
	const access = await groupAccess(ctx, null, group);
	if (!can(access.role, 'read', group)) return { variant: 'link', group: groupView, theme };
	const rows = await ctx.db
		.selectFrom('posts as p')
		.innerJoin('units as un', 'un.id', 'p.unit_id')
		.select(['p.id', 'p.body', 'p.alert_title', 'p.published_at', 'p.created_at', 'un.name', 'un.type', 'un.verified'])
		.where('p.group_id', '=', group.id)
		.where('p.status', '=', 'published')
		.orderBy('p.published_at', 'desc')
		.orderBy('p.id', 'desc')
		.limit(embedLimit(query.limit))
		.execute();
	return {
		variant: 'widget',
		group: groupView,
		theme,
		posts: rows.map((r) => ({
			id: r.id,
			url: `${groupView.url}/p/${r.id}`,
			unitName: r.name,
			unitTypeLabel: unitTypeLabel(r.type),
			verified: r.verified,
			publishedAt: (r.published_at ?? r.created_at).toISOString(),
			excerpt: excerpt(r.alert_title ? `${r.alert_title}. ${r.body}` : r.body)
		}))
	};
}

/**
 * The coordinator's `/urzad/widzet`: the <iframe> code for the group's widget and whether the
 * package in force includes it (Pakiet 3); without it, the plain link the widget shows instead.
 */
export async function embedSnippet(ctx: Ctx, actor: Actor | null, slug: string | null) {
	assertSignedIn(actor);
	const group = slug
		? await getGroup(ctx.db, slug)
		: await ctx.db
				.selectFrom('groups as g')
				.selectAll('g')
				.$if(!actor.isOperator, (q) =>
					q.innerJoin('coordinators as c', (j) =>
						j.onRef('c.municipality_code', '=', 'g.municipality_code').on('c.user_id', '=', actor.id)
					)
				)
				.orderBy('g.name')
				.executeTakeFirst();
	const refusal = 'Widżet grupy na stronę gminy udostępnia koordynator gminy.';
	if (!group) throw new AppError('forbidden', refusal);
	await assertCoordinator(ctx, actor, group.municipality_code, refusal);
	const included = await packageIncludes(ctx, group.id, 'pakiet3');
	const src = `${ctx.baseUrl}/osadz/${group.slug}`;
	const iframe = `<iframe src="${src}" title="Aktualności: ${group.name.replace(/"/g, '&quot;')}" width="100%" height="480" style="border:0;max-width:100%" loading="lazy"></iframe>`;
	return {
		group: { slug: group.slug, name: group.name, url: `${ctx.baseUrl}/g/${group.slug}` },
		included,
		src,
		iframe
	};
}
