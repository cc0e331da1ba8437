import { describe, expect, it } from 'vitest';
import { eventToIcs } from './ics';
import type { FeedItem } from '../feed/present';

const post = {
	id: '42',
	body: 'Festyn rodzinny; dmuchańce, występy, pokaz strażacki\nZapraszamy całe rodziny, także z sąsiednich gmin — wstęp wolny dla wszystkich mieszkańców.',
	author: { type: 'unit', name: 'Gminny Ośrodek Kultury', unit: null },
	event: { start: '2026-06-13T12:00:00.000Z', end: null, place: 'Stadion, ul. Sportowa 1' },
	createdAt: '2026-05-20T09:30:00.000Z',
	editedAt: null
} as unknown as FeedItem;

describe('event calendar file', () => {
	const ics = eventToIcs(post, 'https://tablica.example/g/wiskitki/p/42', new Date('2026-06-01T08:00:00Z'));
	it('has the event in UTC, an hour long without an end, escaped text and CRLF lines', () => {
		expect(ics).toContain('DTSTART:20260613T120000Z\r\n');
		expect(ics).toContain('DTEND:20260613T130000Z\r\n');
		expect(ics).toContain('SUMMARY:Festyn rodzinny\\; dmuchańce\\, występy\\, pokaz strażacki\r\n');
		expect(ics).toContain('LOCATION:Stadion\\, ul. Sportowa 1\r\n');
		expect(ics).toContain('LAST-MODIFIED:20260520T093000Z\r\n');
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	});
	it('folds lines at 75 octets without splitting a letter', () => {
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		const unfolded = ics.replace(/\r\n /g, '');
		expect(unfolded).toContain('także z sąsiednich gmin — wstęp wolny');
	});
});
