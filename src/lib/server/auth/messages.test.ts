import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import { alreadyRegisteredEmail, failedLoginsEmail, passwordResetEmail, confirmAddressEmail } from './messages';

const all = [
	confirmAddressEmail({ name: 'Ewa', confirmUrl: 'http://tablica.test/rejestracja/potwierdz?token=T' }),
	passwordResetEmail({ name: 'Ewa', resetUrl: 'http://tablica.test/logowanie/nowe-haslo?token=T' }),
	failedLoginsEmail({ name: 'Ewa', since: '3 grudnia 2026, 10:00', resetUrl: 'http://tablica.test/logowanie/reset' }),
	alreadyRegisteredEmail({
		name: 'Ewa',
		loginUrl: 'http://tablica.test/logowanie',
		resetUrl: 'http://tablica.test/logowanie/reset'
	})
];

describe('auth messages', () => {
	it('render with fixed data', () => {
		expect(all).toMatchInlineSnapshot(`
			[
			  {
			    "subject": "Potwierdź adres e-mail w Tablicy",
			    "text": "Dzień dobry, Ewa!

			Aby potwierdzić adres e-mail, otwórz link:
			http://tablica.test/rejestracja/potwierdz?token=T

			Link jest ważny 48 godzin. Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.

			Zespół Tablicy",
			  },
			  {
			    "subject": "Ustaw nowe hasło w Tablicy",
			    "text": "Dzień dobry, Ewa!

			Ktoś (mamy nadzieję, że Ty) poprosił o zmianę hasła. Aby ustawić nowe hasło, otwórz link:
			http://tablica.test/logowanie/nowe-haslo?token=T

			Link jest ważny 1 godzinę. Jeśli to nie Ty, zignoruj tę wiadomość — hasło się nie zmieni.

			Zespół Tablicy",
			  },
			  {
			    "subject": "Ktoś próbuje zalogować się na Twoje konto w Tablicy",
			    "text": "Dzień dobry, Ewa!

			Od 3 grudnia 2026, 10:00 ktoś kilka razy podał złe hasło do Twojego konta w Tablicy. Na razie kolejne próby muszą odczekać coraz dłużej (najwyżej 15 minut), a Ty nadal zalogujesz się swoim hasłem.

			Jeśli to Ty — nic nie musisz robić. Jeśli nie, ustaw nowe, długie hasło, którego nie używasz nigdzie indziej:
			http://tablica.test/logowanie/reset

			Zespół Tablicy",
			  },
			  {
			    "subject": "Próba założenia konta w Tablicy na Twój adres",
			    "text": "Dzień dobry, Ewa!

			Ktoś właśnie próbował założyć konto w Tablicy na ten adres e-mail, ale konto już masz.

			Jeśli to Ty — zaloguj się: http://tablica.test/logowanie
			Nie pamiętasz hasła? Ustaw nowe: http://tablica.test/logowanie/reset

			Jeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieniło.

			Zespół Tablicy",
			  },
			]
		`);
	});

	it('are gender-neutral', () => {
		for (const m of all) expect(genderedForms(`${m.subject}\n${m.text}`)).toEqual([]);
	});
});
