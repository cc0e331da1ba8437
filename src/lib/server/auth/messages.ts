/**
 * Texts of the e-mails the account area sends. Pure: the caller passes names, full links and
 * dates already formatted, and enqueues `{ to, ...template(data) }`.
 */
import type { Email } from '../notify/outbox';

type Mail = Omit<Email, 'to'>;

/** After registration: the link that confirms the address (valid 48 hours). */
export const confirmAddressEmail = (d: { name: string; confirmUrl: string }): Mail => ({
	subject: 'Potwierdź adres e-mail w Tablicy',
	text: [
		`Dzień dobry, ${d.name}!`,
		'',
		'Aby potwierdzić adres e-mail, otwórz link:',
		d.confirmUrl,
		'',
		'Link jest ważny 48 godzin. Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.',
		'',
		'Zespół Tablicy'
	].join('\n')
});

/** A password reset was asked for: the link (valid 1 hour). */
export const passwordResetEmail = (d: { name: string; resetUrl: string }): Mail => ({
	subject: 'Ustaw nowe hasło w Tablicy',
	text: [
		`Dzień dobry, ${d.name}!`,
		'',
		'Ktoś (mamy nadzieję, że Ty) poprosił o zmianę hasła. Aby ustawić nowe hasło, otwórz link:',
		d.resetUrl,
		'',
		'Link jest ważny 1 godzinę. Jeśli to nie Ty, zignoruj tę wiadomość — hasło się nie zmieni.',
		'',
		'Zespół Tablicy'
	].join('\n')
});

/** To the owner, once per episode of failed log-ins: someone is trying their password. */
export const failedLoginsEmail = (d: { name: string; since: string; resetUrl: string }): Mail => ({
	subject: 'Ktoś próbuje zalogować się na Twoje konto w Tablicy',
	text: [
		`Dzień dobry, ${d.name}!`,
		'',
		`Od ${d.since} ktoś kilka razy podał złe hasło do Twojego konta w Tablicy. Na razie kolejne próby muszą odczekać coraz dłużej (najwyżej 15 minut), a Ty nadal zalogujesz się swoim hasłem.`,
		'',
		'Jeśli to Ty — nic nie musisz robić. Jeśli nie, ustaw nowe, długie hasło, którego nie używasz nigdzie indziej:',
		d.resetUrl,
		'',
		'Zespół Tablicy'
	].join('\n')
});

/** To the owner of an address someone tried to register again (the page says the same as for a new account). */
export const alreadyRegisteredEmail = (d: { name: string; loginUrl: string; resetUrl: string }): Mail => ({
	subject: 'Próba założenia konta w Tablicy na Twój adres',
	text: [
		`Dzień dobry, ${d.name}!`,
		'',
		'Ktoś właśnie próbował założyć konto w Tablicy na ten adres e-mail, ale konto już masz.',
		'',
		`Jeśli to Ty — zaloguj się: ${d.loginUrl}`,
		`Nie pamiętasz hasła? Ustaw nowe: ${d.resetUrl}`,
		'',
		'Jeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieniło.',
		'',
		'Zespół Tablicy'
	].join('\n')
});
