import MarkdownIt from 'markdown-it';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { assertOperator } from '../access/actor';
import { memo } from '../cache/memo';
import { formatMoney, formatNumber } from '../../format';
import { warsawDay } from '../../dates';
import {
	EXTENDED_PACKAGES_FROM,
	extendedPackagesAvailability,
	longDate,
	packageListPrices
} from '../subscriptions/prices';
import { defaultPages } from './default-pages';
import { daysAgo } from '../stats/public';

export const sitePageSlugs = Object.keys(defaultPages);

export interface SitePage {
	slug: string;
	title: string;
	body: string;
	/** null while the installed default is used. */
	updatedAt: Date | null;
}

/** The live values a page may cite as {{name}}, with what they mean (shown to the operator). */
export const placeholders: Record<string, string> = {
	grupa: 'nazwa grupy wybranej gminy',
	gmina: 'nazwa wybranej gminy',
	urzedowi: '„Urzędowi Gminy”, „Urzędowi Miasta” albo „Urzędowi Miasta i Gminy” – według rodzaju gminy',
	grupy: 'liczba prowadzonych grup',
	czlonkowie: 'łączna liczba członków grup',
	wyswietlenia_30: 'wyświetlenia postów w ostatnich 30 dniach',
	posty_30: 'posty z ostatnich 30 dni',
	komentarze_30: 'komentarze z ostatnich 30 dni',
	reakcje_30: 'reakcje z ostatnich 30 dni',
	pakiety_2_3_dostepne:
		'„będą dostępne od 1 stycznia 2027 roku” przed tym dniem, „są dostępne od 1 stycznia 2027 roku” od niego (pakiety nr 2 i 3)',
	cena_pakietu_2: 'cena pakietu nr 2 brutto miesięcznie według cennika, od dnia, w którym jest dostępny',
	cena_pakietu_3: 'cena pakietu nr 3 brutto miesięcznie według cennika, od dnia, w którym jest dostępny'
};
/** Blocks a page may place on a line of their own as [[name]]. */
export const blocks: Record<string, string> = { dokumenty: 'lista dokumentów do pobrania (PDF, CSV, JSON)' };

export async function getSitePage(db: Db, slug: string): Promise<SitePage> {
	const fallback = defaultPages[slug];
	if (!fallback) throw new AppError('not_found', 'Nie ma takiej strony.');
	const row = await db
		.selectFrom('site_pages')
		.select(['title', 'body', 'updated_at'])
		.where('slug', '=', slug)
		.executeTakeFirst();
	return row
		? { slug, title: row.title, body: row.body, updatedAt: row.updated_at }
		: { slug, ...fallback, updatedAt: null };
}

export const listSitePages = (db: Db) => Promise.all(sitePageSlugs.map((slug) => getSitePage(db, slug)));

const pageInput = z.object({
	title: z
		.string({ error: 'Podaj tytuł.' })
		.trim()
		.min(3, 'Tytuł musi mieć co najmniej 3 znaki.')
		.max(200, 'Tytuł może mieć najwyżej 200 znaków.'),
	body: z
		.string({ error: 'Podaj treść.' })
		.trim()
		.min(20, 'Treść musi mieć co najmniej 20 znaków.')
		.max(60_000, 'Treść może mieć najwyżej 60 000 znaków.')
});

/** The operator's edit of a page; unknown {{…}} or [[…]] names are refused, so no page shows a raw one. */
export async function saveSitePage(ctx: Ctx, actor: Actor | null, slug: string, input: unknown): Promise<SitePage> {
	assertOperator(actor);
	if (!defaultPages[slug]) throw new AppError('not_found', 'Nie ma takiej strony.');
	const { title, body } = parseInput(pageInput, input);
	const unknown = [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}|\[\[\s*([^\]]*?)\s*\]\]/g)]
		.filter((m) => (m[1] !== undefined ? !(m[1] in placeholders) : !(m[2] in blocks)))
		.map((m) => m[0]);
	if (unknown.length)
		throw new AppError(
			'validation',
			`Nieznane wstawki: ${[...new Set(unknown)].join(', ')}. Dozwolone: ${Object.keys(placeholders)
				.map((p) => `{{${p}}}`)
				.join(', ')}, [[dokumenty]].`,
			{ body: 'Popraw wstawki w treści.' }
		);
	const now = ctx.clock.now();
	await ctx.db
		.insertInto('site_pages')
		.values({ slug, title, body, updated_at: now, updated_by: actor.id })
		.onConflict((oc) => oc.column('slug').doUpdateSet({ title, body, updated_at: now, updated_by: actor.id }))
		.execute();
	return { slug, title, body, updatedAt: now };
}

/** Back to the installed text. */
export async function resetSitePage(ctx: Ctx, actor: Actor | null, slug: string): Promise<void> {
	assertOperator(actor);
	if (!defaultPages[slug]) throw new AppError('not_found', 'Nie ma takiej strony.');
	await ctx.db.deleteFrom('site_pages').where('slug', '=', slug).execute();
}

export interface SiteNumbers {
	groups: number;
	members: number;
	views30: number;
	posts30: number;
	comments30: number;
	reactions30: number;
}

const numbersCache = memo<SiteNumbers>(30_000, 4);

/** Totals over all groups for the offer's "real reach" (from the daily figures; cached 30 s). */
export function siteNumbers(ctx: Ctx): Promise<SiteNumbers> {
	const now = ctx.clock.now();
	return numbersCache('all', now.getTime(), async () => {
		const since = daysAgo(now, 30);
		const r = await sql<{
			groups: string;
			members: string;
			views: string | null;
			posts: string | null;
			comments: string | null;
			reactions: string | null;
		}>`
			select (select count(*) from groups) as groups, (select coalesce(sum(member_count), 0) from groups) as members,
				sum(s.views) as views, sum(s.posts) as posts, sum(s.comments) as comments, sum(s.reactions) as reactions
			from group_daily_stats s where s.day >= ${since}::date`.execute(ctx.db);
		const x = r.rows[0];
		return {
			groups: Number(x.groups),
			members: Number(x.members),
			views30: Number(x.views ?? 0),
			posts30: Number(x.posts ?? 0),
			comments30: Number(x.comments ?? 0),
			reactions30: Number(x.reactions ?? 0)
		};
	});
}

const officeDative = { urban: 'Urzędowi Miasta', rural: 'Urzędowi Gminy', mixed: 'Urzędowi Miasta i Gminy' } as const;

/** The values of every placeholder, for the whole site and, where given, one municipality. */
/** What the offer says about Pakiet 2 and 3 on a day: dated availability and the list's prices. */
export interface PackageSales {
	availability: string;
	prices: { pakiet2: string; pakiet3: string };
}

export async function packageSales(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<PackageSales> {
	const today = warsawDay(ctx.clock.now());
	const [p2, p3] = await Promise.all([
		packageListPrices(ctx.db, 'pakiet2', today),
		packageListPrices(ctx.db, 'pakiet3', today)
	]);
	const price = (p: { monthly: number | null; commitment: number | null }) =>
		p.monthly
			? `${formatMoney(p.monthly)} brutto miesięcznie${p.commitment ? ` (${formatMoney(p.commitment)} przy umowie na co najmniej 6 miesięcy)` : ''}`
			: 'według cennika operatora';
	return { availability: extendedPackagesAvailability(today), prices: { pakiet2: price(p2), pakiet3: price(p3) } };
}

export function placeholderValues(
	numbers: SiteNumbers,
	place: { groupName: string; municipality: string; kind: 'urban' | 'rural' | 'mixed' } | null,
	sales: PackageSales | null = null
): Record<string, string> {
	return {
		pakiety_2_3_dostepne: sales?.availability ?? `dostępne od ${longDate(EXTENDED_PACKAGES_FROM)}`,
		cena_pakietu_2: sales?.prices.pakiet2 ?? 'według cennika operatora',
		cena_pakietu_3: sales?.prices.pakiet3 ?? 'według cennika operatora',
		grupa: place?.groupName ?? 'forum mieszkańców gminy',
		gmina: place?.municipality ?? 'objętej ofertą',
		urzedowi: place ? officeDative[place.kind] : 'urzędowi gminy',
		grupy: formatNumber(numbers.groups),
		czlonkowie: formatNumber(numbers.members),
		wyswietlenia_30: formatNumber(numbers.views30),
		posty_30: formatNumber(numbers.posts30),
		komentarze_30: formatNumber(numbers.comments30),
		reakcje_30: formatNumber(numbers.reactions30)
	};
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Placeholders filled in (as text), markdown to HTML with raw HTML escaped, blocks put in. */
export function renderSiteText(
	body: string,
	values: Record<string, string>,
	blockHtml: Record<string, string> = {}
): string {
	const filled = body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
	return markdown
		.render(filled)
		.replace(/<p>\[\[\s*([^\]]*?)\s*\]\]<\/p>\n?/g, (whole, name: string) => blockHtml[name] ?? '');
}

/** The page as plain paragraphs and headings, for the PDF documents. */
export function siteTextBlocks(
	body: string,
	values: Record<string, string>
): { kind: 'h2' | 'h3' | 'p' | 'li' | 'block'; text: string }[] {
	const filled = body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
	const out: { kind: 'h2' | 'h3' | 'p' | 'li' | 'block'; text: string }[] = [];
	const inline = (s: string) =>
		s
			.replace(/\*\*(.+?)\*\*/g, '$1')
			.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
			.trim();
	for (const para of filled.split(/\n{2,}/)) {
		for (const line of para.split('\n').filter((l) => l.trim())) {
			const t = line.trim();
			if (t.startsWith('### ')) out.push({ kind: 'h3', text: inline(t.slice(4)) });
			else if (t.startsWith('## ')) out.push({ kind: 'h2', text: inline(t.slice(3)) });
			else if (/^[-*] /.test(t)) out.push({ kind: 'li', text: inline(t.slice(2)) });
			else if (/^\[\[.*\]\]$/.test(t)) out.push({ kind: 'block', text: t.slice(2, -2).trim() });
			else if (out.length && out[out.length - 1].kind === 'p' && !para.startsWith(t))
				out[out.length - 1].text += ' ' + inline(t);
			else out.push({ kind: 'p', text: inline(t) });
		}
	}
	return out;
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The [[dokumenty]] block: each document with its links. */
export function documentsHtml(
	docs: { title: string; href: string; what: string }[],
	extra: { label: string; href: string }[] = []
): string {
	const items = docs.map(
		(d) =>
			`<li><strong>${escapeHtml(d.title)}</strong><br /><span class="muted small">PDF – ${escapeHtml(d.what)}</span><br /><a href="${escapeHtml(d.href)}">Pobierz<span class="visually-hidden">: ${escapeHtml(d.title)}</span></a></li>`
	);
	const more = extra.length
		? `<p class="small">Te same liczby jako dane: ${extra.map((e) => `<a href="${escapeHtml(e.href)}">${escapeHtml(e.label)}</a>`).join(' · ')}</p>`
		: '';
	return `<ul class="docs">${items.join('')}</ul>${more}`;
}

const renderings = new Map<string, string>();

/** A page for reading: its title and HTML, with a municipality's values when one is chosen. */
export async function renderedPage(
	ctx: Ctx,
	slug: string,
	place: { groupName: string; municipality: string; kind: 'urban' | 'rural' | 'mixed' } | null,
	blockHtml: Record<string, string> = {}
) {
	const [page, numbers, sales] = await Promise.all([getSitePage(ctx.db, slug), siteNumbers(ctx), packageSales(ctx)]);
	const values = placeholderValues(numbers, place, sales);
	// The same text with the same values renders the same HTML: keep the last renderings.
	const key = JSON.stringify([slug, page.updatedAt, values, blockHtml]);
	let html = renderings.get(key);
	if (html === undefined) {
		html = renderSiteText(page.body, values, blockHtml);
		if (renderings.size >= 200) renderings.delete(renderings.keys().next().value!);
		renderings.set(key, html);
	}
	return { title: page.title.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (w, n: string) => values[n] ?? w), html, numbers };
}
