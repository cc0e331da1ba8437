// What every XML document the app writes shares (the CAP alerts, the Atom feeds of alerts and of posts).

// Characters XML 1.0 does not allow (§2.2): C0 controls other than tab and newlines, U+FFFE/U+FFFF
// and lone surrogates (a pair is a character above U+FFFF, which is allowed).
const INVALID_XML =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g; // eslint-disable-line no-control-regex

/** Removes what XML 1.0 cannot carry. */
export const stripInvalidXml = (s: string) => s.replace(INVALID_XML, '');

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text or attribute value, escaped and without characters invalid in XML. */
export const escapeXml = (s: string) => stripInvalidXml(s).replace(/[&<>"']/g, (c) => entities[c]);

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** RFC 3339 in UTC, without milliseconds, as Atom wants it. */
export function atomDate(d: Date): string {
	if (Number.isNaN(d.getTime())) throw new Error('Atom: invalid date');
	return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A line of an indented document. */
export const xmlLine = (depth: number, s: string) => `${'\t'.repeat(depth)}${s}`;
/** `<name attrs>escaped value</name>` on its own line. */
export const xmlElement = (depth: number, name: string, value: string, attrs = '') =>
	xmlLine(depth, `<${name}${attrs}>${escapeXml(value)}</${name}>`);
/** An Atom `<link>`. */
export const atomLink = (depth: number, rel: string, type: string, href: string) =>
	xmlLine(depth, `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`);
/** An Atom `<author>` with its name. */
export const atomAuthor = (depth: number, name: string) => [
	xmlLine(depth, '<author>'),
	xmlElement(depth + 1, 'name', name),
	xmlLine(depth, '</author>')
];
