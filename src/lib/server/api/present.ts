import type { FeedItem } from '../feed/present';
import type { CategoryCode } from '../groups/categories';
import type { listGroups } from '../groups/groups';

type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];

export const apiGroup = (g: GroupRow) => ({
	slug: g.slug,
	name: g.name,
	description: g.description,
	isPublic: g.is_public,
	memberCount: g.member_count,
	municipality: { terytCode: g.teryt_code, name: g.municipality, county: g.county, voivodeship: g.voivodeship }
});

export const apiPost = (p: FeedItem) => ({
	id: p.id,
	group: p.groupSlug,
	author: {
		type: p.author.type,
		name: p.author.name,
		...(p.author.unit
			? { unit: { slug: p.author.unit.slug, type: p.author.unit.type, verified: p.author.unit.verified } }
			: {})
	},
	// Stored only after the domain checked it against the list.
	category: p.category as CategoryCode,
	body: p.body,
	mentions: p.mentions,
	status: p.status,
	createdAt: p.createdAt,
	pinned: p.pinned,
	urgent: p.urgent,
	promotion: p.promotion && { sponsor: p.promotion.sponsor, endsAt: p.promotion.endsAt },
	crossPostedFrom: p.crossPostedFrom,
	event: p.event,
	poll: p.poll,
	images: p.images,
	places: p.places,
	alert: p.alert && {
		kind: p.alert.kind,
		title: p.alert.title,
		validUntil: p.urgentUntil,
		allClearAt: p.alert.allClearAt,
		allClearText: p.alert.allClearText,
		cap: `/alerty/${p.id}.cap.xml`
	},
	question: p.question && {
		unit: p.question.unit,
		state: p.question.state,
		forwardedFrom: p.question.forwardedFrom,
		answeredAt: p.question.answeredAt,
		answerCommentId: p.question.answerCommentId
	},
	counts: {
		comments: p.counts.comments,
		reactions: p.counts.reactions,
		views: p.counts.views,
		shares: p.counts.shares,
		reactionsByKind: p.counts.byKind
	}
});

/**
 * JSON dates arrive as strings; the domain wants Date objects (an invalid one is refused there).
 * Anything else is passed on for the domain to refuse: `new Date({"toString": 1})` would throw.
 */
export const dateFromJson = (v: unknown) => (typeof v === 'string' ? new Date(v) : v);

export function eventFromJson(event: unknown) {
	if (!event || typeof event !== 'object') return event ?? null;
	const e = event as Record<string, unknown>;
	return { start: dateFromJson(e.start), end: e.end == null ? null : dateFromJson(e.end), place: e.place ?? null };
}
