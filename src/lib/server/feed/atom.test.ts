import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atomFeedXml, etagMatches, postHtml, postTitle, type AtomPostFeed } from './atom';
import { escapeXml, stripInvalidXml } from '../text/xml';
import type { FeedItem } from './present';

const hasXmllint = !spawnSync('xmllint', ['--version']).error;
const work = mkdtempSync(path.join(tmpdir(), 'posts-atom-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Checks well-formedness with xmllint (it fails on invalid characters) and evaluates an XPath. */
function xpath(xml: string, expression: string): string {
	const file = path.join(work, 'feed.xml');
	writeFileSync(file, xml);
	execFileSync('xmllint', ['--nonet', '--noout', file], { stdio: 'pipe' });
	return execFileSync('xmllint', ['--nonet', '--xpath', expression, file], { stdio: 'pipe' }).toString().trim();
}
const feedPath = (rest: string) => `/*[local-name()='feed']/${rest}`;
const entryPath = (n: number, rest: string) => feedPath(`*[local-name()='entry'][${n}]/${rest}`);

const base = 'https://tablica.example/g/wiskitki';
const post = {
	id: '123',
	body: 'Zebranie „Sołectwa” <Guzów> & Nowy Drzewicz\n\nDruga linia\u0007 z dzwonkiem\npo przerwie',
	images: [{ url: '/media/a.webp', width: 800, height: 600, alt: 'Sala "duża"' }],
	places: ['sołectwo Guzów'],
	event: { start: '2026-12-10T17:00:00.000Z', end: null, place: 'Świetlica' }
} as unknown as FeedItem;

const feed: AtomPostFeed = {
	id: `${base}/atom.xml`,
	title: 'Wiskitki – forum <mieszkańców> & gości',
	updated: new Date('2026-12-02T12:00:00.456Z'),
	selfLink: `${base}/j/szkola/atom.xml`,
	alternateLink: `${base}?jednostka=szkola&x=1`,
	author: 'Wiskitki – forum',
	entries: [
		{
			id: `${base}/p/123`,
			title: postTitle(post.body, 'Post'),
			updated: new Date('2026-12-02T12:00:00Z'),
			published: new Date('2026-12-02T09:15:00Z'),
			link: `${base}/p/123`,
			author: "Anna O'Hara\u0000",
			category: { term: 'ogloszenia', label: 'Ogłoszenia & "inne"' },
			html: postHtml(post, 'https://tablica.example')
		},
		{
			id: `${base}/p/124`,
			title: 'Silny wiatr',
			updated: new Date('2026-12-01T10:00:00Z'),
			published: new Date('2026-12-01T10:00:00Z'),
			link: `${base}/p/124`,
			author: 'Szkoła Podstawowa w Wiskitkach',
			category: { term: 'urzad', label: 'Urząd' },
			html: '<p>Do 90 km/h.</p>'
		}
	]
};

describe('the Atom feed of posts', () => {
	const xml = atomFeedXml(feed);

	it('has the required feed elements, RFC 3339 dates and the self and alternate links', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">');
		expect(xml).toContain('<updated>2026-12-02T12:00:00Z</updated>');
		expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${base}/j/szkola/atom.xml"/>`);
		expect(xml).toContain(`<link rel="alternate" type="text/html" href="${base}?jednostka=szkola&amp;x=1"/>`);
		expect(xml.match(/<entry>/g)).toHaveLength(2);
	});

	it('escapes text, attributes and the HTML content, and drops characters XML cannot carry', () => {
		expect(xml).toContain('<title type="text">Wiskitki – forum &lt;mieszkańców&gt; &amp; gości</title>');
		expect(xml).toContain('<name>Anna O&apos;Hara</name>');
		expect(xml).toContain('label="Ogłoszenia &amp; &quot;inne&quot;"');
		expect(xml).toContain('<content type="html">&lt;p&gt;Zebranie „Sołectwa” &amp;lt;Guzów&amp;gt; &amp;amp;');
		expect(xml).not.toMatch(/[\u0000\u0007]/); // eslint-disable-line no-control-regex
		expect(stripInvalidXml('a\u0001b\uFFFEc\uD800d😀e\tf\ng')).toBe('abcd😀e\tf\ng');
		expect(escapeXml('\uDC00<')).toBe('&lt;');
	});

	it('titles an entry by the first line of the post, cut at a word', () => {
		expect(postTitle('\n  Zebranie   wiejskie  \nreszta', 'x')).toBe('Zebranie wiejskie');
		expect(postTitle('   \n', 'Ogłoszenia: Anna')).toBe('Ogłoszenia: Anna');
		const long = postTitle(`${'Bardzo długi tytuł posta o remoncie drogi, '.repeat(4)}koniec`, 'x');
		expect(long.length).toBeLessThanOrEqual(91);
		expect(long).toMatch(/^Bardzo długi tytuł .*[^ ,]…$/);
	});

	it('writes the post as paragraphs, its event, places and images with absolute URLs', () => {
		const html = postHtml(post, 'https://tablica.example');
		expect(html).toContain('<p>Zebranie „Sołectwa” &lt;Guzów&gt; &amp; Nowy Drzewicz</p>');
		expect(html).toContain('<p>Druga linia z dzwonkiem<br>po przerwie</p>');
		expect(html).toContain('<p>Wydarzenie: 10 grudnia 2026 18:00, Świetlica</p>');
		expect(html).toContain('<p>Miejsca: sołectwo Guzów</p>');
		expect(html).toContain(
			'<img src="https://tablica.example/media/a.webp" width="800" height="600" alt="Sala &quot;duża&quot;">'
		);
	});

	it('compares ETags weakly, in a list or as *', () => {
		expect(etagMatches('W/"a1-3-9-100"', 'W/"a1-3-9-100"')).toBe(true);
		expect(etagMatches('"x", "a1-3-9-100"', 'W/"a1-3-9-100"')).toBe(true);
		expect(etagMatches('*', 'W/"a1-3-9-100"')).toBe(true);
		expect(etagMatches('W/"a1-3-9-101"', 'W/"a1-3-9-100"')).toBe(false);
	});

	it('an empty feed is still a feed with an author', () => {
		const empty = atomFeedXml({ ...feed, entries: [] });
		expect(empty).not.toContain('<entry>');
		expect(empty).toContain('<name>Wiskitki – forum</name>');
	});

	it.skipIf(!hasXmllint)('is well-formed XML whose parsed text and links are the originals (xmllint)', () => {
		expect(xpath(xml, 'namespace-uri(/*)')).toBe('http://www.w3.org/2005/Atom');
		expect(xpath(xml, `count(${feedPath("*[local-name()='entry']")})`)).toBe('2');
		for (const required of ['id', 'title', 'updated', 'author'])
			expect(xpath(xml, `count(${feedPath(`*[local-name()='${required}']`)})`)).toBe('1');
		expect(xpath(xml, `string(${feedPath("*[local-name()='title']")})`)).toBe(feed.title);
		expect(xpath(xml, `string(${feedPath("*[local-name()='link'][@rel='alternate']/@href")})`)).toBe(
			`${base}?jednostka=szkola&x=1`
		);
		expect(xpath(xml, `string(${entryPath(1, "*[local-name()='title']")})`)).toBe(
			'Zebranie „Sołectwa” <Guzów> & Nowy Drzewicz'
		);
		expect(xpath(xml, `string(${entryPath(1, "*[local-name()='author']/*[local-name()='name']")})`)).toBe(
			"Anna O'Hara"
		);
		expect(xpath(xml, `string(${entryPath(1, "*[local-name()='content']/@type")})`)).toBe('html');
		// The content, parsed back, is the HTML itself: escaped once, not twice.
		expect(xpath(xml, `string(${entryPath(1, "*[local-name()='content']")})`)).toBe(feed.entries[0].html);
		expect(xpath(xml, `string(${entryPath(2, "*[local-name()='link']/@href")})`)).toBe(`${base}/p/124`);
		for (let n = 1; n <= 2; n++)
			for (const required of ['id', 'title', 'updated', 'published', 'author', 'content'])
				expect(xpath(xml, `count(${entryPath(n, `*[local-name()='${required}']`)})`)).toBe('1');
	});
});
