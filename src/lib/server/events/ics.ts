import type { FeedItem } from '../feed/present';
import { DEFAULT_EVENT_MS } from './events';
import { eventTitle } from './messages';

const stamp = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
// RFC 5545: escape \ ; , and newlines; fold lines longer than 75 octets.
const escape = (s: string) =>
	s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
function fold(line: string): string {
	const bytes = Buffer.from(line, 'utf8');
	if (bytes.length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	for (const ch of line) {
		if (Buffer.byteLength(current + ch, 'utf8') > (parts.length ? 74 : 75)) {
			parts.push(current);
			current = '';
		}
		current += ch;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

type EventPost = Pick<FeedItem, 'id' | 'body' | 'author' | 'event' | 'editedAt' | 'createdAt'>;

function vevent(post: EventPost, url: string, now: Date): string[] {
	const event = post.event!;
	const start = new Date(event.start);
	const end = event.end ? new Date(event.end) : new Date(start.getTime() + DEFAULT_EVENT_MS);
	return [
		'BEGIN:VEVENT',
		`UID:post-${post.id}@tablica`,
		`DTSTAMP:${stamp(now)}`,
		// A calendar app keeps the newer copy of an event it already has.
		`LAST-MODIFIED:${stamp(new Date(post.editedAt ?? post.createdAt))}`,
		`DTSTART:${stamp(start)}`,
		`DTEND:${stamp(end)}`,
		`SUMMARY:${escape(eventTitle(post.body))}`,
		`DESCRIPTION:${escape(`${post.body}\n\n${post.author.name}\n${url}`)}`,
		...(event.place ? [`LOCATION:${escape(event.place)}`] : []),
		`URL:${url}`,
		'END:VEVENT'
	];
}

const calendar = (head: string[], events: string[]) =>
	[
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Tablica//PL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...head,
		...events,
		'END:VCALENDAR'
	]
		.map(fold)
		.join('\r\n') + '\r\n';

/** An iCalendar file for a post's event, in UTC. */
export function eventToIcs(post: EventPost, url: string, now: Date): string {
	return calendar([], vevent(post, url, now));
}

/**
 * A group's calendar to subscribe to (RFC 5545): its events, named after the group; apps are
 * asked to look again every hour.
 */
export function calendarToIcs(name: string, events: { post: EventPost; url: string }[], now: Date): string {
	return calendar(
		[
			`NAME:${escape(name)}`,
			`X-WR-CALNAME:${escape(name)}`,
			'X-WR-TIMEZONE:Europe/Warsaw',
			'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
			'X-PUBLISHED-TTL:PT1H'
		],
		events.flatMap((e) => vevent(e.post, e.url, now))
	);
}
