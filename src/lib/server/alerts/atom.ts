// Atom 1.0 (RFC 4287) feed of a group's active alerts; each entry also links its CAP message,
// which is how CAP aggregators (e.g. MeteoAlarm, Google Public Alerts) discover alerts.
import { ATOM_NAMESPACE, atomAuthor as author, atomDate, atomLink, escapeXml, xmlElement as el } from '../text/xml';

export interface AtomEntry {
	/** absolute URL or tag: URI */
	id: string;
	title: string;
	updated: Date;
	published?: Date;
	summary: string;
	/** alternate, HTML */
	link: string;
	/** the .cap.xml, linked rel="alternate" type="application/cap+xml" */
	capLink: string;
	categories?: string[];
	author: string;
}

export interface AtomFeed {
	id: string;
	title: string;
	subtitle?: string;
	updated: Date;
	selfLink: string;
	alternateLink: string;
	/** Feed-level author, by default the title: RFC 4287 needs one when there are no entries. */
	author?: string;
	entries: AtomEntry[];
}

function entry(e: AtomEntry): string[] {
	return [
		'\t<entry>',
		el(2, 'id', e.id),
		el(2, 'title', e.title),
		el(2, 'updated', atomDate(e.updated)),
		...(e.published ? [el(2, 'published', atomDate(e.published))] : []),
		...author(2, e.author),
		el(2, 'summary', e.summary),
		atomLink(2, 'alternate', 'text/html', e.link),
		atomLink(2, 'alternate', 'application/cap+xml', e.capLink),
		...(e.categories ?? []).map((c) => `\t\t<category term="${escapeXml(c)}"/>`),
		'\t</entry>'
	];
}

export function atomXml(f: AtomFeed): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<feed xmlns="${ATOM_NAMESPACE}" xml:lang="pl">`,
		el(1, 'id', f.id),
		el(1, 'title', f.title),
		...(f.subtitle ? [el(1, 'subtitle', f.subtitle)] : []),
		el(1, 'updated', atomDate(f.updated)),
		...author(1, f.author ?? f.title),
		atomLink(1, 'self', 'application/atom+xml', f.selfLink),
		atomLink(1, 'alternate', 'text/html', f.alternateLink),
		...f.entries.flatMap(entry),
		'</feed>',
		''
	].join('\n');
}
