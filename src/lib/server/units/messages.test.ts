import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { invitationEmail } from './messages';

describe('units messages', () => {
	const invite = (role: 'unitAdmin' | 'editor', validDays: number) =>
		invitationEmail({
			unitName: 'OSP Wiskitki',
			invitedBy: 'Anna Kos',
			role,
			validDays,
			acceptUrl: 'http://tablica.test/zaproszenie/T'
		});

	it('the invitation to a unit team', () => {
		expect(invite('editor', 7)).toMatchInlineSnapshot(`
			{
			  "subject": "Zaproszenie do publikowania jako „OSP Wiskitki”",
			  "text": "Dzień dobry,

			Anna Kos zaprasza Cię do zespołu „OSP Wiskitki” (redaktor) w Tablicy. Posty jednostki ukazują się w grupie mieszkańców od razu, bez akceptacji administratora.

			Przyjmij zaproszenie (link ważny 7 dni): http://tablica.test/zaproszenie/T

			Jeśli nie spodziewasz się tej wiadomości, zignoruj ją.

			Zespół Tablicy",
			}
		`);
		expect(invite('unitAdmin', 1).text.split('\n')[2]).toMatchInlineSnapshot(
			`"Anna Kos zaprasza Cię do zespołu „OSP Wiskitki” (administrator jednostki) w Tablicy. Posty jednostki ukazują się w grupie mieszkańców od razu, bez akceptacji administratora."`
		);
		expect(invite('editor', 1).text.split('\n')[4]).toMatchInlineSnapshot(
			`"Przyjmij zaproszenie (link ważny 1 dzień): http://tablica.test/zaproszenie/T"`
		);
	});

	it('is gender-neutral', () => {
		for (const m of [invite('editor', 7), invite('unitAdmin', 7)])
			expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
	});
});
