import type { FeedItem } from './present';

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

/** An iCalendar file for a post's event, in UTC. */
export function eventToIcs(post: FeedItem, url: string, now: Date): string {
	const event = post.event!;
	const start = new Date(event.start);
	const end = event.end ? new Date(event.end) : new Date(start.getTime() + 3600_000);
	const summary = post.body.split('\n')[0].slice(0, 120);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Tablica//PL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:post-${post.id}@tablica`,
		`DTSTAMP:${stamp(now)}`,
		`DTSTART:${stamp(start)}`,
		`DTEND:${stamp(end)}`,
		`SUMMARY:${escape(summary)}`,
		`DESCRIPTION:${escape(`${post.body}\n\n${post.author.name}\n${url}`)}`,
		...(event.place ? [`LOCATION:${escape(event.place)}`] : []),
		`URL:${url}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}
