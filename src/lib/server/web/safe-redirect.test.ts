import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
	it.each<[unknown, string]>([
		['//evil.example', 'protocol-relative'],
		['/\\evil.example', 'slash, backslash'],
		['\\\\evil.example', 'two backslashes'],
		['/%5Cevil.example', 'encoded backslash'],
		['/%5cevil.example', 'encoded backslash, lower case'],
		['%2F%2Fevil.example', 'encoded slashes, no leading slash'],
		['/%2F/evil.example', 'slash and an encoded slash'],
		['/%2F%2Fevil.example', 'slash and two encoded slashes'],
		['/\t/evil.example', 'tab between the slashes'],
		['/\n/evil.example', 'newline between the slashes'],
		['/\r\n/evil.example', 'CR LF between the slashes'],
		['/%09/evil.example', 'encoded tab between the slashes'],
		['/%0a/evil.example', 'encoded newline'],
		['/ok\\..\\evil', 'backslash later in the path'],
		['/.\\\\evil.example', 'backslashes after a dot'],
		['/g/wiskitki\\@evil.example', 'backslash before an @'],
		['javascript:alert(1)', 'javascript: URL'],
		['JavaScript:alert(1)', 'javascript: URL in mixed case'],
		['/javascript:alert(1)'.slice(1), 'javascript: without a slash'],
		['http://evil.example/', 'absolute http URL'],
		['https://evil.example/', 'absolute https URL'],
		['HTTP://evil.example', 'absolute URL in upper case'],
		['///evil.example', 'three slashes'],
		['data:text/html,<script>alert(1)</script>', 'data: URL'],
		['evil.example', 'a bare host name'],
		['%E0%A4%A', 'malformed percent encoding'],
		['/%E0%A4%A', 'malformed percent encoding after a slash'],
		['', 'empty'],
		[null, 'missing'],
		[['/grupy'], 'not a string'],
		['/' + 'a'.repeat(2100), 'too long']
	])('refuses %j (%s)', (input) => {
		expect(safeRedirectPath(input, '/grupy')).toBe('/grupy');
	});

	it.each([
		['/g/wiskitki', '/g/wiskitki'],
		['/moderacja?grupa=wiskitki&x=1', '/moderacja?grupa=wiskitki&x=1'],
		['/g/wiskitki/p/12#komentarze', '/g/wiskitki/p/12#komentarze'],
		['/g/%C5%BCyrard%C3%B3w', '/g/%C5%BCyrard%C3%B3w'],
		['/grupy/../konto', '/konto'],
		['/', '/']
	])('keeps the site path %j', (input, expected) => {
		expect(safeRedirectPath(input, '/grupy')).toBe(expected);
	});
});
