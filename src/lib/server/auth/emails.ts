import type { Email } from '../notify/outbox';
import { formatDateTime } from '../../format';

/** To the owner, once per episode of failed log-ins: someone is trying their password. */
export const failedLoginsEmail = (user: { email: string; display_name: string }, at: Date, baseUrl: string): Email => ({
	to: user.email,
	subject: 'Ktoś próbuje zalogować się na Twoje konto w Tablicy',
	text: `Dzień dobry, ${user.display_name}!\n\nOd ${formatDateTime(at)} ktoś kilka razy podał złe hasło do Twojego konta w Tablicy. Na razie kolejne próby muszą odczekać coraz dłużej (najwyżej 15 minut), a Ty nadal zalogujesz się swoim hasłem.\n\nJeśli to Ty — nic nie musisz robić. Jeśli nie, ustaw nowe, długie hasło, którego nie używasz nigdzie indziej:\n${baseUrl}/logowanie/reset\n\nZespół Tablicy`
});

/** To the owner of an address someone tried to register again (the page says the same as for a new account). */
export const alreadyRegisteredEmail = (user: { email: string; display_name: string }, baseUrl: string): Email => ({
	to: user.email,
	subject: 'Próba założenia konta w Tablicy na Twój adres',
	text: `Dzień dobry, ${user.display_name}!\n\nKtoś właśnie próbował założyć konto w Tablicy na ten adres e-mail, ale konto już masz.\n\nJeśli to Ty — zaloguj się: ${baseUrl}/logowanie\nNie pamiętasz hasła? Ustaw nowe: ${baseUrl}/logowanie/reset\n\nJeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieniło.\n\nZespół Tablicy`
});
