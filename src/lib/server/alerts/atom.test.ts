import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atomXml, type AtomFeed } from './atom';

const hasXmllint = !spawnSync('xmllint', ['--version']).error;
const work = mkdtempSync(path.join(tmpdir(), 'atom-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Checks well-formedness with xmllint and evaluates an XPath (namespaces by local-name()). */
function xpath(xml: string, expression: string): string {
	const file = path.join(work, 'feed.xml');
	writeFileSync(file, xml);
	execFileSync('xmllint', ['--nonet', '--noout', file], { stdio: 'pipe' });
	return execFileSync('xmllint', ['--nonet', '--xpath', expression, file], { stdio: 'pipe' }).toString().trim();
}

const base = 'https://tablica.example/g/wiskitki';
const feed: AtomFeed = {
	id: `${base}/komunikaty.atom`,
	title: 'Wiskitki — komunikaty pilne',
	subtitle: 'Aktualne ostrzeżenia <Urzędu> & OSP',
	updated: new Date('2026-12-02T12:00:00.456Z'),
	selfLink: `${base}/komunikaty.atom?rodzaj=woda&x=1`,
	alternateLink: `${base}/komunikaty`,
	entries: [
		{
			id: `${base}/p/123`,
			title: 'Brak wody: Wiskitki & Guzów <pilne>',
			updated: new Date('2026-12-02T12:00:00Z'),
			published: new Date('2026-12-02T09:15:00Z'),
			summary: "Beczkowóz stoi przy „Szkole” i O'Hara.",
			link: `${base}/p/123`,
			capLink: `${base}/p/123.cap.xml`,
			categories: ['utilities', 'Woda "pitna"'],
			author: 'Urząd Gminy Wiskitki'
		},
		{
			id: 'tag:tablica.example,2026:wiskitki/p/124',
			title: 'Silny wiatr',
			updated: new Date('2026-12-02T10:00:00Z'),
			summary: 'Do 90 km/h.',
			link: `${base}/p/124`,
			capLink: `${base}/p/124.cap.xml`,
			author: 'OSP Wiskitki'
		}
	]
};

describe('Atom feed of alerts', () => {
	const xml = atomXml(feed);

	it('has the required feed elements, RFC 3339 dates and the self link', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">');
		expect(xml).toContain(`<id>${base}/komunikaty.atom</id>`);
		expect(xml).toContain('<updated>2026-12-02T12:00:00Z</updated>');
		expect(xml).toContain('<published>2026-12-02T09:15:00Z</published>');
		expect(xml).toContain(
			`<link rel="self" type="application/atom+xml" href="${base}/komunikaty.atom?rodzaj=woda&amp;x=1"/>`
		);
		expect(xml).toContain(`<link rel="alternate" type="text/html" href="${base}/komunikaty"/>`);
		expect(xml).toContain('<author>\n\t\t<name>Wiskitki — komunikaty pilne</name>');
		expect(xml.match(/<entry>/g)).toHaveLength(2);
		expect(xml).toContain(`<link rel="alternate" type="application/cap+xml" href="${base}/p/123.cap.xml"/>`);
	});

	it('escapes text and attributes', () => {
		expect(xml).toContain('<title>Brak wody: Wiskitki &amp; Guzów &lt;pilne&gt;</title>');
		expect(xml).toContain('<subtitle>Aktualne ostrzeżenia &lt;Urzędu&gt; &amp; OSP</subtitle>');
		expect(xml).toContain('<summary>Beczkowóz stoi przy „Szkole” i O&apos;Hara.</summary>');
		expect(xml).toContain('<category term="Woda &quot;pitna&quot;"/>');
	});

	it('an empty feed still names an author', () => {
		const empty = atomXml({ ...feed, subtitle: undefined, author: 'Gmina Wiskitki', entries: [] });
		expect(empty).not.toContain('<entry>');
		expect(empty).not.toContain('<subtitle>');
		expect(empty).toContain('<name>Gmina Wiskitki</name>');
	});

	it.skipIf(!hasXmllint)('is well-formed XML with the entries, links and text intact (xmllint)', () => {
		const entry = (n: number, rest: string) => `/*[local-name()='feed']/*[local-name()='entry'][${n}]/${rest}`;
		expect(xpath(xml, "count(/*[local-name()='feed']/*[local-name()='entry'])")).toBe('2');
		expect(xpath(xml, "string(/*[local-name()='feed']/*[local-name()='link'][@rel='self']/@href)")).toBe(
			`${base}/komunikaty.atom?rodzaj=woda&x=1`
		);
		expect(xpath(xml, `string(${entry(1, "*[local-name()='title']")})`)).toBe('Brak wody: Wiskitki & Guzów <pilne>');
		expect(xpath(xml, `string(${entry(2, "*[local-name()='id']")})`)).toBe('tag:tablica.example,2026:wiskitki/p/124');
		expect(xpath(xml, `string(${entry(2, "*[local-name()='link'][@type='application/cap+xml']/@href")})`)).toBe(
			`${base}/p/124.cap.xml`
		);
		expect(xpath(xml, 'namespace-uri(/*)')).toBe('http://www.w3.org/2005/Atom');
	});
});
