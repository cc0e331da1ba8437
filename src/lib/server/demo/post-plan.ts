import { formatDate } from '../../format';
import { warsawDay } from '../../dates';
import type { seededRandom } from '../core/random';
import { inLocality } from '../text/place-names';
import {
	commentsByTopic,
	months,
	questionsByTopic,
	replyTexts,
	residentPosts,
	villages,
	type DemoPost,
	type DemoUnit,
	type Topic
} from './content';

type Random = ReturnType<typeof seededRandom>;
const DAY = 24 * 3600_000;

export interface PlannedPost {
	at: Date;
	body: string;
	category: string;
	topic: Topic;
	/** Index into the units given, or null for a resident's post. */
	unit: number | null;
	event: { start: Date; end: Date; place: string } | null;
}

/** The Warsaw month (1–12) of a moment. */
export const monthOf = (at: Date) => Number(warsawDay(at).slice(5, 7));

/** A template with its placeholders filled for a post made at `at`. */
export function fillText(text: string, r: Random, at: Date): string {
	const village = r.pick(villages);
	return text
		.replaceAll('{inVillage}', inLocality(village))
		.replaceAll('{village}', village)
		.replaceAll('{date}', formatDate(new Date(at.getTime() + r.int(3, 12) * DAY)))
		.replaceAll('{month}', months[monthOf(new Date(at.getTime() + 10 * DAY)) - 1])
		.replaceAll('{count}', String(r.int(6, 19)))
		.replaceAll('{score}', r.pick(['1:0', '2:0', '2:1', '3:1', '3:2', '4:2']));
}

/** How often one template may appear in a group in a year (a monthly session, not a weekly one). */
const MAX_USES = 12;
/** A resident's kind of post (a lost dog, furniture to give away) recurs less. */
const MAX_RESIDENT_USES = 3;

const inSeason = (p: DemoPost, month: number) => !p.months || p.months.includes(month);

/**
 * A year of a group's posts, newest more often: a unit's post (when the group has units) or a
 * resident's, always one that fits the month it is made in, never the same text twice in the
 * group and one template at most MAX_USES times (when nothing fits, the post is left out, so a
 * group may get fewer than asked).
 */
export function planPosts(r: Random, now: Date, count: number, units: DemoUnit[]): PlannedPost[] {
	const used = new Set<string>();
	const uses = new Map<DemoPost, number>();
	const planned: PlannedPost[] = [];
	for (let i = 0; i < count; i++) {
		// Spread over the last 12 months, a little denser lately.
		const at = new Date(now.getTime() - Math.floor(365 * DAY * Math.pow(r.next(), 1.3)) - r.int(0, 3600_000));
		const month = monthOf(at);
		for (let attempt = 0; attempt < 40; attempt++) {
			const fromUnit = units.length > 0 && r.next() < 0.45;
			const unit = fromUnit ? r.int(0, units.length - 1) : null;
			const choices = (unit === null ? residentPosts : units[unit].posts).filter(
				(p) => inSeason(p, month) && (uses.get(p) ?? 0) < (unit === null ? MAX_RESIDENT_USES : MAX_USES)
			);
			if (choices.length === 0) continue;
			const p = r.pick(choices);
			const body = fillText(p.body, r, at);
			if (used.has(body)) continue;
			used.add(body);
			uses.set(p, (uses.get(p) ?? 0) + 1);
			let event: PlannedPost['event'] = null;
			if (p.event) {
				const start = new Date(Math.floor((at.getTime() + r.int(3, 14) * DAY) / 3600_000) * 3600_000);
				event = { start, end: new Date(start.getTime() + p.event.hours * 3600_000), place: p.event.place };
			}
			planned.push({ at, body, category: p.category, topic: p.topic, unit, event });
			break;
		}
	}
	return planned;
}

/** A resident's comment that answers a post on this topic. */
export const commentFor = (r: Random, topic: Topic) => r.pick(commentsByTopic[topic]);
/** A reply to a comment (fits under any). */
export const replyFor = (r: Random) => r.pick(replyTexts);
/** A resident's question under a unit's post on this topic, with the unit's answer, if the topic has any. */
export function questionFor(r: Random, topic: Topic): [question: string, answer: string] | null {
	const qs = questionsByTopic[topic];
	return qs?.length ? r.pick(qs) : null;
}
