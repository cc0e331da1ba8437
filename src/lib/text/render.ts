const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]);

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;

function linkify(text: string): string {
	let out = '';
	let last = 0;
	for (const m of text.matchAll(urlPattern)) {
		let url = m[0];
		// Punctuation that ends a sentence is not part of the link.
		const trail = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
		url = url.slice(0, url.length - trail.length);
		out +=
			escapeHtml(text.slice(last, m.index)) +
			`<a href="${escapeHtml(url)}" rel="nofollow ugc noopener noreferrer" target="_blank">${escapeHtml(url)}</a>`;
		last = m.index + url.length;
	}
	return out + escapeHtml(text.slice(last));
}

/**
 * Plain text as safe HTML: blank lines make paragraphs, single newlines line breaks, web
 * addresses links. Nothing the author typed is ever passed through as markup.
 */
export function renderBody(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.trim()
		.split(/\n{2,}/)
		.map((p) => `<p>${p.split('\n').map(linkify).join('<br>')}</p>`)
		.join('');
}
