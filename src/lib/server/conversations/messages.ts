/**
 * What people are told about private messages. Pure: the caller passes names, counts and full links.
 * No template carries a message's text: e-mails wait in the outbox, which the operator can see.
 */
import { plural } from '../../format';

export interface UnreadMessagesData {
	/** Who wrote and how many unread messages, newest conversation first. */
	conversations: { name: string; count: number }[];
	inboxUrl: string;
	settingsUrl: string;
}

const messagesWord = (n: number) => plural(n, 'wiadomość', 'wiadomości', 'wiadomości');

export function unreadMessagesEmail(d: UnreadMessagesData): { subject: string; text: string } {
	const total = d.conversations.reduce((sum, c) => sum + c.count, 0);
	const lines = d.conversations.map((c) => `- ${c.name}: ${c.count} ${messagesWord(c.count)}`);
	return {
		subject: `${total} ${plural(total, 'nieprzeczytana wiadomość', 'nieprzeczytane wiadomości', 'nieprzeczytanych wiadomości')} w Tablicy`,
		text: [
			'Dzień dobry,',
			'',
			'w Tablicy czekają na Ciebie wiadomości prywatne:',
			...lines,
			'',
			`Przeczytasz je i odpowiesz tutaj: ${d.inboxUrl}`,
			'',
			'Treści wiadomości nie wysyłamy e-mailem. Piszemy, gdy wiadomość czeka nieprzeczytana co najmniej kwadrans, o tej samej rozmowie nie częściej niż raz na kwadrans.',
			`Nie chcesz takich e-maili? Wyłącz je tutaj: ${d.settingsUrl}`
		].join('\n')
	};
}

/** The in-app line to the group's moderators: a private message was reported to them. */
export const messageReportedNotice = (groupName: string) =>
	`Zgłoszono wiadomość prywatną w grupie „${groupName}”. Zgłoszenie otwiera Ci tylko tę jedną rozmowę.`;

/** The in-app line to the sender of a message the moderators removed. */
export const messageRemovedNotice = (groupName: string) =>
	`Moderatorzy grupy „${groupName}” usunęli Twoją wiadomość prywatną po zgłoszeniu odbiorcy: narusza zasady grupy.`;

/** The in-app line to the person who reported a message, once the moderators decided. */
export const messageReportDecidedNotice = (removed: boolean) =>
	removed
		? 'Moderatorzy rozpatrzyli Twoje zgłoszenie wiadomości prywatnej: wiadomość usunięto.'
		: 'Moderatorzy rozpatrzyli Twoje zgłoszenie wiadomości prywatnej: nie narusza zasad grupy, więc zostaje. Możesz zablokować tę osobę w rozmowie.';
