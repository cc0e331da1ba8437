import { DAY, HOUR, MINUTE, type RateRule } from './rate-limit';

// Every limit on what costs money or reaches people, in one place: per client address (IP), per
// account and per target address. Generous for people, tight for scripts.
const rule =
	(kind: string, limit: number, windowMs: number, message: string) =>
	(key: string): RateRule => ({ kind, key: key.toLowerCase(), limit, windowMs, message });

export const limits = {
	/** Failed log-ins from one address; above it the address waits (a browser that logged in to that account before does not). */
	loginFailuresPerIp: rule(
		'login-failures-ip',
		50,
		15 * MINUTE,
		'Zbyt wiele nieudanych prób logowania z tego adresu IP.'
	),
	registrationsPerIp: rule('register-ip', 10, HOUR, 'Zbyt wiele rejestracji z tego adresu IP.'),
	registrationsPerAddress: rule('register-email', 3, DAY, 'Zbyt wiele prób rejestracji na ten adres e-mail.'),
	resetsPerIp: rule('reset-ip', 10, HOUR, 'Zbyt wiele próśb o zmianę hasła z tego adresu IP.'),
	resetsPerAddress: rule('reset-email', 3, HOUR, 'Zbyt wiele próśb o zmianę hasła dla tego adresu e-mail.'),
	confirmationsPerAccount: rule('confirm-account', 3, HOUR, 'Wysłaliśmy już kilka linków potwierdzających.'),
	ticketsPerAccount: rule('ticket-account', 10, HOUR, 'Wysłano już wiele zgłoszeń z tego konta.'),
	ticketsPerIp: rule('ticket-ip', 10, HOUR, 'Wysłano już wiele zgłoszeń z tego adresu IP.'),
	ticketsPerAddress: rule('ticket-email', 10, HOUR, 'Wysłano już wiele zgłoszeń z tego adresu e-mail.'),
	urgentTicketsPerAccount: rule(
		'ticket-urgent-account',
		3,
		DAY,
		'Wysłano już kilka pilnych zgłoszeń z tego konta — kolejne wyślij jako zwykłe.'
	),
	/** SMS notices of normal tickets to the on-call number; past it the notice is skipped (the e-mail still goes). */
	ticketNoticesPerPhone: rule('ticket-sms', 20, HOUR, 'Zbyt wiele powiadomień SMS na ten numer.'),
	/** Codes confirming a phone for alert SMS: each is an SMS the municipality pays for. */
	phoneCodesPerAccount: rule('phone-code-account', 5, HOUR, 'Wysłaliśmy już kilka kodów na telefon.'),
	reportsPerAccount: rule('report-account', 30, HOUR, 'Wysłano już wiele zgłoszeń treści z tego konta.'),
	/** Private messages from one account, in all its conversations: a person writes fewer; a script floods. */
	messagesPerAccount: rule('message-account', 30, MINUTE, 'Wysłano już wiele wiadomości w krótkim czasie.'),
	/** Notices without an account: per client address and per the reporter's e-mail address. */
	reportsPerIp: rule('report-ip', 20, HOUR, 'Wysłano już wiele zgłoszeń treści z tego adresu IP.'),
	reportsPerAddress: rule('report-email', 10, HOUR, 'Wysłano już wiele zgłoszeń treści z tego adresu e-mail.'),
	invitationsPerAccount: rule('invite-account', 50, DAY, 'Wysłano już wiele zaproszeń z tego konta.'),
	invitationsPerAddress: rule('invite-email', 3, DAY, 'Ten adres dostał już kilka zaproszeń.'),
	/** Reach counting per viewer key (a person, or a network for a day); past it views and shares just do not count. */
	viewBatchesPerViewer: rule('views', 600, 10 * MINUTE, 'Zbyt wiele zgłoszeń wyświetleń.'),
	sharesPerViewer: rule('shares', 60, HOUR, 'Zbyt wiele udostępnień.')
};
