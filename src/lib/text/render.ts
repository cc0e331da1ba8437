const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]);

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;

/** Members mentioned in a text ("@Anna Nowak") and where a mention links to. */
export interface Mentions {
	names: string[];
	href: (name: string) => string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Escaped text with each "@Name" of a mentioned member as a link. */
function mentionify(text: string, mentions?: Mentions): string {
	if (!mentions?.names.length) return escapeHtml(text);
	// Longer names first: "@Anna Nowak" before "@Anna".
	const names = [...mentions.names].sort((a, b) => b.length - a.length).map(escapeRegExp);
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}@])@(${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	let out = '';
	let last = 0;
	for (const m of text.matchAll(pattern)) {
		out +=
			escapeHtml(text.slice(last, m.index)) +
			`<a class="mention" href="${escapeHtml(mentions.href(m[1]))}">@${escapeHtml(m[1])}</a>`;
		last = m.index + m[0].length;
	}
	return out + escapeHtml(text.slice(last));
}

function linkify(text: string, mentions?: Mentions): string {
	let out = '';
	let last = 0;
	for (const m of text.matchAll(urlPattern)) {
		let url = m[0];
		// Punctuation that ends a sentence is not part of the link.
		const trail = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
		url = url.slice(0, url.length - trail.length);
		out +=
			mentionify(text.slice(last, m.index), mentions) +
			`<a href="${escapeHtml(url)}" rel="nofollow ugc noopener noreferrer" target="_blank">${escapeHtml(url)}</a>`;
		last = m.index + url.length;
	}
	return out + mentionify(text.slice(last), mentions);
}

/**
 * Plain text as safe HTML: blank lines make paragraphs, single newlines line breaks, web
 * addresses and mentions of members links. Nothing the author typed is ever passed through as markup.
 */
export function renderBody(text: string, mentions?: Mentions): string {
	return text
		.replace(/\r\n?/g, '\n')
		.trim()
		.split(/\n{2,}/)
		.map(
			(p) =>
				`<p>${p
					.split('\n')
					.map((line) => linkify(line, mentions))
					.join('<br>')}</p>`
		)
		.join('');
}

/** A comment's text (shown with its line breaks kept by CSS) with its mentions as links, the rest escaped. */
export const renderComment = (text: string, mentions?: Mentions): string => mentionify(text, mentions);
