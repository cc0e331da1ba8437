/**
 * Texts of the e-mails and SMS the support area sends. Pure: the caller passes names, labels,
 * full links and dates already formatted, and enqueues `{ to, ...template(data) }` for an e-mail
 * or `{ to, text: template(data) }` for an SMS.
 */
import type { Email } from '../notify/outbox';
import { plural } from '../../format';

type Mail = Omit<Email, 'to'>;

/** SMS to the person on call about a new ticket. */
export const newTicketSms = (d: { ticketId: string; kindLabel: string; urgent: boolean; ticketUrl: string }): string =>
	`${d.urgent ? 'PILNE' : 'Nowe'} zgłoszenie #${d.ticketId} (${d.kindLabel}): ${d.ticketUrl}`;

/** A new ticket to the support inbox (normal ones, or urgent ones when nobody is on call). */
export const newTicketEmail = (d: {
	ticketId: string;
	kindLabel: string;
	urgent: boolean;
	name: string;
	email: string;
	phone?: string | null;
	body: string;
	ticketUrl: string;
}): Mail => ({
	subject: `Zgłoszenie #${d.ticketId}: ${d.kindLabel}${d.urgent ? ' (PILNE)' : ''}`,
	text: [`${d.name} <${d.email}>${d.phone ? `, tel. ${d.phone}` : ''}`, '', d.body, '', d.ticketUrl].join('\n')
});

/** The requester's receipt for a new ticket. */
export const ticketReceivedEmail = (d: {
	ticketId: string;
	kindLabel: string;
	/** An urgent ticket paged the person on call. */
	onCallPaged: boolean;
	ticketUrl: string;
}): Mail => ({
	subject: `Przyjęliśmy zgłoszenie #${d.ticketId}`,
	text: [
		'Dzień dobry,',
		'',
		`przyjęliśmy Twoje zgłoszenie #${d.ticketId} (${d.kindLabel}).${d.onCallPaged ? ' Wysłaliśmy już SMS do osoby pełniącej dyżur, która zajmie się sprawą jak najszybciej.' : ' Odpowiemy e-mailem.'}`,
		'',
		`Wątek zgłoszenia: ${d.ticketUrl}`,
		'',
		'Zespół Tablicy'
	].join('\n')
});

/** SMS to the backup when nobody on call acknowledged an urgent ticket in time. */
export const backupPageSms = (d: { ticketId: string; waitedMinutes: number; ticketUrl: string }): string =>
	`PILNE: zgłoszenie #${d.ticketId} czeka od ${d.waitedMinutes} ${plural(d.waitedMinutes, 'minuty', 'minut', 'minut')} bez potwierdzenia osoby dyżurnej: ${d.ticketUrl}`;

/** A staff reply in a ticket, to the requester. */
export const staffReplyEmail = (d: {
	ticketId: string;
	body: string;
	statusLabel: string;
	ticketUrl: string;
}): Mail => ({
	subject: `Odpowiedź w zgłoszeniu #${d.ticketId}`,
	text: [
		'Dzień dobry,',
		'',
		d.body,
		'',
		`Stan zgłoszenia: ${d.statusLabel}. Wątek: ${d.ticketUrl}`,
		'',
		'Zespół Tablicy'
	].join('\n')
});

/**
 * A post held by mistake was published from its ticket: `note` is the staff message in the
 * ticket and the in-app line, then the e-mail and the SMS to the requester.
 */
export function postReleasedMessage(d: { ticketId: string; publishedAt: string; ticketUrl: string }): Mail & {
	note: string;
	sms: string;
} {
	const note = `Post ze zgłoszenia #${d.ticketId} został opublikowany ${d.publishedAt}. Przepraszamy za zatrzymanie.`;
	return {
		note,
		subject: `Twój post jest opublikowany (zgłoszenie #${d.ticketId})`,
		text: ['Dzień dobry,', '', note, '', d.ticketUrl, '', 'Zespół Tablicy'].join('\n'),
		sms: `Tablica: ${note}`
	};
}
