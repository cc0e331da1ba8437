import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { weeklyDigestEmail, type DigestData } from './messages';

const data: DigestData = {
	municipality: 'Wiskitki',
	groupName: 'Wiskitki',
	week: '28.11–04.12.2026',
	promoted: [{ title: 'Przerwa w dostawie wody', from: 'ZGK', url: 'http://t.test/g/w/p/1' }],
	mostRead: [
		{ title: 'Harmonogram <odbioru> & "odpadów"', from: 'ZGK', url: 'http://t.test/g/w/p/2', views: 22 },
		{ title: 'Zebranie', from: 'Szkoła', url: 'http://t.test/g/w/p/3', views: 1 }
	],
	upcomingEvents: [
		{ title: 'Koncert', from: 'Szkoła', url: 'http://t.test/g/w/p/4', when: '10 grudnia 2026, 18:00', place: 'Sala' }
	],
	unitPosts: [],
	groupUrl: 'http://t.test/g/w',
	settingsUrl: 'http://t.test/g/w/komunikaty',
	unsubscribeUrl: 'http://t.test/wypisz/T'
};

describe('notify messages', () => {
	it('the weekly digest, plain text', () => {
		const m = weeklyDigestEmail(data);
		expect(m.subject).toBe('Tydzień w gminie Wiskitki');
		expect(m.text).toMatchInlineSnapshot(`
			"Tydzień w gminie Wiskitki

			Co działo się w grupie „Wiskitki” w dniach 28.11–04.12.2026.

			WYRÓŻNIONE PRZEZ GMINĘ
			- Przerwa w dostawie wody (ZGK)
			  http://t.test/g/w/p/1

			NAJCZĘŚCIEJ CZYTANE W TYM TYGODNIU
			- Harmonogram <odbioru> & "odpadów" (ZGK · 22 wyświetlenia)
			  http://t.test/g/w/p/2
			- Zebranie (Szkoła · 1 wyświetlenie)
			  http://t.test/g/w/p/3

			NADCHODZĄCE WYDARZENIA
			- Koncert (10 grudnia 2026, 18:00 · Sala · Szkoła)
			  http://t.test/g/w/p/4

			--
			Cała grupa: http://t.test/g/w
			Ustawienia powiadomień: http://t.test/g/w/komunikaty
			Nie chcesz dostawać tego e-maila? Wypisz się jednym kliknięciem: http://t.test/wypisz/T"
		`);
	});

	it('the weekly digest, HTML: escaped, links, no empty block', () => {
		const m = weeklyDigestEmail(data);
		expect(m.html).toContain('Harmonogram &lt;odbioru&gt; &amp; &quot;odpadów&quot;');
		expect(m.html).not.toContain('<odbioru>');
		expect(m.html).toContain('<a href="http://t.test/wypisz/T">');
		expect(m.html).toContain('<html lang="pl">');
		expect(m.html).not.toContain('Wpisy jednostek gminy');
		expect(m.text).not.toContain('WPISY JEDNOSTEK GMINY');
	});

	it('is gender-neutral', () => {
		const m = weeklyDigestEmail(data);
		expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
	});
});
