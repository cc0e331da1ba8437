import { describe, expect, it } from 'vitest';
import { renderBody, renderComment } from './render';

describe('renderBody', () => {
	it('never passes markup through', () => {
		expect(renderBody('<script>alert(1)</script> & "x"')).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>'
		);
	});
	it('makes paragraphs, line breaks and links', () => {
		expect(renderBody('Zebranie wiejskie.\nSala OSP.\n\nSzczegóły: https://wiskitki.pl/ogloszenia?id=1&a=2.')).toBe(
			'<p>Zebranie wiejskie.<br>Sala OSP.</p><p>Szczegóły: <a href="https://wiskitki.pl/ogloszenia?id=1&amp;a=2" rel="nofollow ugc noopener noreferrer" target="_blank">https://wiskitki.pl/ogloszenia?id=1&amp;a=2</a>.</p>'
		);
	});
	it('does not turn javascript: into a link', () => {
		expect(renderBody('javascript:alert(1)')).toBe('<p>javascript:alert(1)</p>');
	});
	it('keeps a quote from breaking out of the href', () => {
		expect(renderBody('https://a.pl/"onmouseover="x')).not.toContain('"onmouseover');
	});
});

describe('mentions', () => {
	const mentions = {
		names: ['Anna', 'Anna Nowak', 'Jan <b>'],
		href: (n: string) => `/g/w/czlonkowie?q=${encodeURIComponent(n)}`
	};
	it('links the longest mentioned name after "@", and nothing else', () => {
		expect(renderBody('Dzięki @Anna Nowak i @Anna! Pisz do anna@poczta.pl, @Ewa', mentions)).toBe(
			'<p>Dzięki <a class="mention" href="/g/w/czlonkowie?q=Anna%20Nowak">@Anna Nowak</a> i <a class="mention" href="/g/w/czlonkowie?q=Anna">@Anna</a>! Pisz do anna@poczta.pl, @Ewa</p>'
		);
	});
	it('escapes names and keeps links working beside them', () => {
		expect(renderComment('@Jan <b> zobacz https://a.pl', mentions)).toBe(
			'<a class="mention" href="/g/w/czlonkowie?q=Jan%20%3Cb%3E">@Jan &lt;b&gt;</a> zobacz https://a.pl'
		);
		expect(renderBody('@Annabel https://a.pl @Anna', mentions)).toBe(
			'<p>@Annabel <a href="https://a.pl" rel="nofollow ugc noopener noreferrer" target="_blank">https://a.pl</a> <a class="mention" href="/g/w/czlonkowie?q=Anna">@Anna</a></p>'
		);
	});
});
