// Atom 1.0 (RFC 4287) feeds of a public group's published posts (`/g/{slug}/atom.xml`) and of one
// unit's posts in it (`/g/{slug}/j/{unit}/atom.xml`), for every package. A private group has none.
// The version (how many posts, the newest id and the latest change) is read first and cheaply, so
// a reader asking again with If-None-Match / If-Modified-Since gets 304 without the feed being built.
import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import { notFound } from '../core/errors';
import { can } from '../access/policy';
import { getGroupForReading } from '../groups/groups';
import { postRows } from './feed-query';
import { presentPost, type FeedItem } from './present';
import {
	ATOM_NAMESPACE,
	atomAuthor as author,
	atomDate,
	atomLink as link,
	escapeXml,
	stripInvalidXml,
	xmlElement as el,
	xmlLine as line
} from '../text/xml';

/** The newest posts a feed carries. */
export const ATOM_FEED_SIZE = 50;
/** Bumped when the XML changes shape, so readers' cached copies are not kept across a release. */
const FORMAT = 'a1';

const TITLE_LENGTH = 90;

/** An entry's title: the post's first non-empty line, plain text, cut at a word to about 90 characters. */
export function postTitle(body: string, fallback: string): string {
	const line =
		stripInvalidXml(body)
			.split('\n')
			.map((l) => l.replace(/\s+/g, ' ').trim())
			.find((l) => l) ?? '';
	if (!line) return fallback;
	if (line.length <= TITLE_LENGTH) return line;
	const cut = line.slice(0, TITLE_LENGTH);
	const space = cut.lastIndexOf(' ');
	return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The post as HTML (the body's paragraphs and lines, its event, places and images); escaped again by the feed. */
export function postHtml(post: FeedItem, baseUrl: string): string {
	const text = (s: string) => escapeXml(s);
	const paragraphs = post.body
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${p.split('\n').map(text).join('<br>')}</p>`);
	const when = post.event
		? [
				`<p>Wydarzenie: ${text(warsawTime(post.event.start))}${post.event.end ? ` – ${text(warsawTime(post.event.end))}` : ''}${post.event.place ? `, ${text(post.event.place)}` : ''}</p>`
			]
		: [];
	const places = post.places.length ? [`<p>Miejsca: ${text(post.places.join(', '))}</p>`] : [];
	const images = post.images.map(
		(i) => `<p><img src="${text(baseUrl + i.url)}" width="${i.width}" height="${i.height}" alt="${text(i.alt)}"></p>`
	);
	return [...paragraphs, ...when, ...places, ...images].join('\n');
}

const warsaw = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'long', timeStyle: 'short' });
const warsawTime = (iso: string) => warsaw.format(new Date(iso));

export interface AtomPostEntry {
	id: string;
	title: string;
	updated: Date;
	published: Date;
	link: string;
	author: string;
	category: { term: string; label: string };
	/** HTML, written escaped with type="html". */
	html: string;
}

export interface AtomPostFeed {
	/** absolute URL or tag: URI */
	id: string;
	title: string;
	updated: Date;
	selfLink: string;
	alternateLink: string;
	author: string;
	entries: AtomPostEntry[];
}

/** The feed as an Atom 1.0 document. */
export function atomFeedXml(f: AtomPostFeed): string {
	const entry = (e: AtomPostEntry) => [
		line(1, '<entry>'),
		el(2, 'id', e.id),
		el(2, 'title', e.title, ' type="text"'),
		el(2, 'updated', atomDate(e.updated)),
		el(2, 'published', atomDate(e.published)),
		...author(2, e.author),
		link(2, 'alternate', 'text/html', e.link),
		line(2, `<category term="${escapeXml(e.category.term)}" label="${escapeXml(e.category.label)}"/>`),
		el(2, 'content', e.html, ' type="html"'),
		line(1, '</entry>')
	];
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<feed xmlns="${ATOM_NAMESPACE}" xml:lang="pl">`,
		el(1, 'id', f.id),
		el(1, 'title', f.title, ' type="text"'),
		el(1, 'updated', atomDate(f.updated)),
		...author(1, f.author),
		link(1, 'self', 'application/atom+xml', f.selfLink),
		link(1, 'alternate', 'text/html', f.alternateLink),
		el(1, 'generator', 'Tablica'),
		...f.entries.flatMap(entry),
		'</feed>',
		''
	].join('\n');
}

/** What a reader sent to ask "has it changed?". */
export interface Conditional {
	ifNoneMatch: string | null;
	ifModifiedSince: string | null;
}

export type AtomFeedResult =
	| { notModified: true; etag: string; lastModified: Date }
	| { notModified: false; etag: string; lastModified: Date; xml: string };

/** RFC 9110 §13.1.2: weak comparison against each listed tag, or `*`. */
export function etagMatches(header: string, etag: string): boolean {
	const opaque = (t: string) => t.trim().replace(/^W\//, '');
	return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/**
 * RFC 9110 §13.1.3: evaluated only without If-None-Match; HTTP dates have whole seconds, and a date
 * in the future (a reader's wrong clock) is ignored.
 */
function notModifiedSince(header: string, lastModified: Date, now: Date): boolean {
	const since = Date.parse(header);
	return !Number.isNaN(since) && since <= now.getTime() && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * The Atom feed of a public group's newest published posts, or of one unit's posts in it (the
 * unit's slug is resolved in the group's municipality). Private and unknown groups and units: 404.
 * Residents appear by the display name the public feed shows, units by their name.
 */
export async function groupAtomFeed(
	ctx: Ctx,
	slug: string,
	unitSlug: string | null,
	conditional: Conditional
): Promise<AtomFeedResult> {
	const { group } = await getGroupForReading(ctx.db, slug);
	// Feeds are read by anonymous readers and cached: only what anyone may read is in one.
	if (!can('anonymous', 'read', group)) throw notFound('Nie ma takiej grupy.');
	const unit = unitSlug
		? await ctx.db
				.selectFrom('units')
				.select(['id', 'slug', 'name'])
				.where('municipality_code', '=', group.municipality_code)
				.where('slug', '=', unitSlug)
				.executeTakeFirst()
		: null;
	if (unitSlug && !unit) throw notFound('Nie ma takiej jednostki w tej gminie.');

	let version = ctx.db
		.selectFrom('posts as p')
		.select((eb) => [
			eb.fn.countAll<string>().as('n'),
			eb.fn.max('p.id').as('newest'),
			sql<Date | null>`max(greatest(p.published_at, p.edited_at))`.as('changed')
		])
		.where('p.group_id', '=', group.id)
		.where('p.status', '=', 'published');
	if (unit) version = version.where('p.unit_id', '=', unit.id);
	const v = await version.executeTakeFirstOrThrow();
	const lastModified = v.changed ? new Date(v.changed) : group.created_at;
	const etag = `W/"${FORMAT}-${v.n}-${v.newest ?? 0}-${lastModified.getTime()}"`;
	const unchanged = conditional.ifNoneMatch
		? etagMatches(conditional.ifNoneMatch, etag)
		: !!conditional.ifModifiedSince && notModifiedSince(conditional.ifModifiedSince, lastModified, ctx.clock.now());
	if (unchanged) return { notModified: true, etag, lastModified };

	let rows = postRows(ctx.db)
		.where('p.group_id', '=', group.id)
		.where('p.status', '=', 'published')
		.orderBy('p.published_at', 'desc')
		.orderBy('p.id', 'desc')
		.limit(ATOM_FEED_SIZE);
	if (unit) rows = rows.where('p.unit_id', '=', unit.id);
	const posts = (await rows.execute()).map((r) => presentPost(r, ctx.clock.now()));

	const base = ctx.baseUrl;
	const groupUrl = `${base}/g/${group.slug}`;
	const self = unit ? `${groupUrl}/j/${unit.slug}/atom.xml` : `${groupUrl}/atom.xml`;
	const xml = atomFeedXml({
		id: self,
		title: unit ? `${unit.name} — ${group.name}` : group.name,
		updated: lastModified,
		selfLink: self,
		alternateLink: unit ? `${groupUrl}?jednostka=${encodeURIComponent(unit.slug)}` : groupUrl,
		author: unit ? unit.name : group.name,
		entries: posts.map((p) => ({
			id: `${groupUrl}/p/${p.id}`,
			title: postTitle(p.alert?.title ?? p.body, `${p.categoryLabel}: ${p.author.name}`),
			published: new Date(p.createdAt),
			updated: new Date(p.editedAt && p.editedAt > p.createdAt ? p.editedAt : p.createdAt),
			link: `${groupUrl}/p/${p.id}`,
			author: p.author.name,
			category: { term: p.category, label: p.categoryLabel },
			html: postHtml(p, base)
		}))
	});
	return { notModified: false, etag, lastModified, xml };
}
