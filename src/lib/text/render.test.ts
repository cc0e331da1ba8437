import { describe, expect, it } from 'vitest';
import { renderBody } from './render';

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
