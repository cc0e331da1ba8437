/**
 * Texts of an urgent alert and of its all-clear, the same for every member who asked for them:
 * the in-app line, the e-mail, and the short text for SMS and web push. Pure: the caller passes
 * names, full links and dates already formatted.
 */
import type { Email } from '../notify/outbox';

type AlertTexts = Omit<Email, 'to'> & { notification: string; sms: string };

const short = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/** The SMS and push text of an alert: who, the title and the link (the whole text is behind it). */
export function alertSms(d: { from: string; title: string; postUrl: string }): string {
	return short(`PILNE ${d.from}: ${d.title}`, 120) + ` ${d.postUrl}`;
}

/** An urgent alert of a unit ("komunikat pilny"). */
export function urgentAlertMessage(d: {
	/** The unit that sends it. */
	from: string;
	groupName: string;
	title: string;
	/** The kind as people read it ("zagrożenie pogodowe"). */
	kindLabel: string;
	/** Valid until, formatted. */
	until: string;
	body: string;
	postUrl: string;
	settingsUrl: string;
}): AlertTexts {
	return {
		notification: `Komunikat pilny (${d.from}): ${short(d.title, 200)}`,
		subject: `Komunikat pilny: ${short(d.title, 80)}`,
		text: [
			`${d.from} — komunikat pilny w grupie „${d.groupName}” (${d.kindLabel}), ważny do ${d.until}:`,
			'',
			d.title,
			'',
			d.body,
			'',
			d.postUrl,
			'',
			`Ustawienia komunikatów pilnych: ${d.settingsUrl}`
		].join('\n'),
		sms: alertSms(d)
	};
}

/** An update ("aktualizacja") of an alert, to everyone who got it. */
export function alertUpdateMessage(d: {
	from: string;
	groupName: string;
	title: string;
	update: string;
	postUrl: string;
	settingsUrl: string;
}): AlertTexts {
	return {
		notification: `Aktualizacja komunikatu pilnego (${d.from}): ${short(d.update, 200)}`,
		subject: `Aktualizacja: ${short(d.title, 80)}`,
		text: [
			`${d.from} — aktualizacja komunikatu pilnego w grupie „${d.groupName}”:`,
			'',
			d.update,
			'',
			`Komunikat: ${d.title}`,
			'',
			d.postUrl,
			'',
			`Ustawienia komunikatów pilnych: ${d.settingsUrl}`
		].join('\n'),
		sms: short(`AKTUALIZACJA ${d.from}: ${d.update}`, 120) + ` ${d.postUrl}`
	};
}

/** The all-clear ("odwołanie") of an urgent post, to everyone who got the alert. */
export function allClearMessage(d: {
	from: string;
	groupName: string;
	/** The all-clear text. */
	allClear: string;
	/** The original alert's title. */
	title: string;
	postUrl: string;
	settingsUrl: string;
}): AlertTexts {
	return {
		notification: `Odwołanie komunikatu pilnego (${d.from}): ${short(d.allClear, 200)}`,
		subject: `Odwołanie: ${short(d.title, 80)}`,
		text: [
			`${d.from} odwołuje komunikat pilny w grupie „${d.groupName}”:`,
			'',
			d.allClear,
			'',
			`Pierwotny komunikat: ${d.title}`,
			'',
			d.postUrl,
			'',
			`Ustawienia komunikatów pilnych: ${d.settingsUrl}`
		].join('\n'),
		sms: short(`ODWOŁANIE ${d.from}: ${d.allClear}`, 120) + ` ${d.postUrl}`
	};
}

/** The SMS with the code that confirms a member's number for alert SMS: one segment, even with Polish letters. */
export function phoneCodeSms(d: { code: string; minutes: number }): string {
	return `Tablica: kod potwierdzający numer to ${d.code}. Ważny ${d.minutes} minut.`;
}
