import { describe, expect, it } from 'vitest';
import { inLocality, inPlace, locative, seatPhrase } from './place-names';

describe('place names in the locative', () => {
	it.each([
		// The demo's places (table) …
		['Radziejowice', 'w Radziejowicach'],
		['Wiskitki', 'w Wiskitkach'],
		['Puszcza Mariańska', 'w Puszczy Mariańskiej'],
		['Guzów', 'w Guzowie'],
		['Miedniewice', 'w Miedniewicach'],
		['Jesionka', 'w Jesionce'],
		['Nowe Kozłowice', 'w Nowych Kozłowicach'],
		['Podokępie', 'w Podokępiu'],
		['Sokule', 'w Sokulach'],
		['Franciszków', 'we Franciszkowie'],
		['Cyganka', 'w Cygance'],
		['Wola Miedniewska', 'w Woli Miedniewskiej'],
		['Hipolitów', 'w Hipolitowie'],
		// … frequent irregular ones …
		['Łódź', 'w Łodzi'],
		['Wrocław', 'we Wrocławiu'],
		['Białystok', 'w Białymstoku'],
		['Gniezno', 'w Gnieźnie'],
		['Włocławek', 'we Włocławku'],
		// … and the rules, on names the table does not hold.
		['Gliwice', 'w Gliwicach'],
		['Suwałki', 'w Suwałkach'],
		['Białobrzegi', 'w Białobrzegach'],
		['Tarnów', 'w Tarnowie'],
		['Łochów', 'w Łochowie'],
		['Radzymin', 'w Radzyminie'],
		['Płońsk', 'w Płońsku'],
		['Ustka', 'w Ustce'],
		['Iława', 'w Iławie'],
		['Wschowa', 'we Wschowie'],
		['Gostynin', 'w Gostyninie'],
		['  Guzów ', 'w Guzowie']
	])('%s → %s', (name, expected) => expect(inPlace(name)).toBe(expected));

	it.each(['Kazimierz Dolny', 'Nowy Targ', 'Biała Podlaska', 'Zamość', 'Kutno', 'Ełk', 'Tychy', 'Bielsko-Biała', ''])(
		'%s: unknown, so no guess',
		(name) => expect(locative(name)).toBeNull()
	);

	it('the seat: the locative when known, else a colon, never wrong grammar', () => {
		expect(seatPhrase('Radziejowice')).toBe('z siedzibą w Radziejowicach');
		expect(seatPhrase('Wiskitki')).toBe('z siedzibą w Wiskitkach');
		expect(seatPhrase('Nowy Targ')).toBe('z siedzibą: Nowy Targ');
	});

	it('a locality: the locative, else "w miejscowości …"', () => {
		expect(inLocality('Guzów')).toBe('w Guzowie');
		expect(inLocality('Nowy Targ')).toBe('w miejscowości Nowy Targ');
	});
});
