import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { exportReadyEmail } from './messages';

describe('privacy messages', () => {
	const m = exportReadyEmail({
		name: 'Anna',
		downloadUrl: 'http://tablica.test/konto/eksport/T',
		expiresAt: '3 grudnia 2026, 10:00',
		size: 1_250_000
	});

	it('the data export is ready', () => {
		expect(m).toMatchInlineSnapshot(`
			{
			  "subject": "Twoje dane z Tablicy są gotowe do pobrania",
			  "text": "Dzień dobry, Anna!

			Zgodnie z Twoją prośbą przygotowaliśmy kopię Twoich danych (plik ZIP, 1,2 MB): profil, członkostwa, posty ze zdjęciami, komentarze, reakcje, zgłoszenia, decyzje moderatorów, powiadomienia, zgody, komunikaty pilne i zgłoszenia do pomocy — w plikach JSON i jako czytelna strona dane.html.

			Pobierzesz go po zalogowaniu pod adresem:
			http://tablica.test/konto/eksport/T

			Link jest ważny do 3 grudnia 2026, 10:00; potem usuniemy plik. Jeśli prośba nie pochodzi od Ciebie, zmień hasło i napisz do nas.

			Zespół Tablicy",
			}
		`);
	});

	it('is gender-neutral', () => {
		expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
	});
});
