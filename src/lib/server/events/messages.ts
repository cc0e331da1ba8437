/**
 * What those coming to an event are told the day before: the in-app line, the push's title and
 * text. Pure: the caller passes the event and its full link.
 */
import { firstLine } from '../../text/excerpt';
import { formatTime } from '../../format';

export interface EventReminderData {
	body: string;
	start: Date;
	place: string | null;
	postUrl: string;
}

/** The event's name: the post's first line, shortened. */
export const eventTitle = (body: string) => firstLine(body, 80) || 'Wydarzenie';

export function eventReminderTexts(d: EventReminderData): { notification: string; subject: string; push: string } {
	const when = `Jutro o ${formatTime(d.start)}`;
	const where = d.place ? `, ${d.place}` : '';
	return {
		notification: `${when}${where}: ${eventTitle(d.body)}. Zapisano Cię jako „Wezmę udział”.`,
		subject: `${when}: ${eventTitle(d.body)}`,
		// The push opens the link its text ends with (push.ts), as an alert's does.
		push: `${when}${where}. ${d.postUrl}`
	};
}
