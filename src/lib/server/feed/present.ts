import type { PostRow } from './feed-query';
import type { AlertCounts, EventResponse, PostStatus, ReactionKind } from '../db/schema';
import { alertKinds, type AlertKind } from '../alerts/alerts';
import { categoryLabel } from '../groups/categories';
import { unitTypeLabel } from '../groups/unit-types';
import { questionStateLabels, type QuestionView } from '../questions/questions';
import { presentPoll, type PollView } from '../polls/polls';

export const reactionKinds: ReactionKind[] = ['like', 'love', 'haha', 'wow', 'sad', 'angry'];
export const reactionLabels: Record<ReactionKind, string> = {
	like: 'Lubię to',
	love: 'Super',
	haha: 'Haha',
	wow: 'Wow',
	sad: 'Smutne',
	angry: 'Wrr'
};
export const reactionEmoji: Record<ReactionKind, string> = {
	like: '👍',
	love: '❤️',
	haha: '😆',
	wow: '😮',
	sad: '😢',
	angry: '😠'
};

/** A post as pages and the JSON API show it. */
export interface FeedItem {
	id: string;
	groupSlug: string;
	author: {
		type: 'user' | 'unit';
		name: string;
		unit: { slug: string; type: string; typeLabel: string; verified: boolean; logoUrl: string | null } | null;
	};
	category: string;
	categoryLabel: string;
	body: string;
	/** Members the text mentions ("@Anna Nowak"): their names, shown as links. */
	mentions: string[];
	status: PostStatus;
	moderationReason: string | null;
	createdAt: string;
	/** Set when the text was changed after publication ("edytowano"). */
	editedAt: string | null;
	scheduledFor: string | null;
	commentsEnabled: boolean;
	pinned: boolean;
	urgent: boolean;
	urgentUntil: string | null;
	/** An urgent alert: what about, how many were told per channel, and its all-clear. */
	alert: {
		kind: string;
		kindLabel: string;
		title: string | null;
		sent: AlertCounts | null;
		allClearAt: string | null;
		allClearText: string | null;
		/** Updates ("aktualizacje"), oldest first; only the post's own page reads them. */
		updates: { at: string; text: string }[];
	} | null;
	/** An event the post announces, with who said "Wezmę udział" / "Interesuje mnie" (and the reader's answer). */
	event: {
		start: string;
		end: string | null;
		place: string | null;
		going: number;
		interested: number;
		myResponse: EventResponse | null;
	} | null;
	/** A poll in the post, as this reader sees it (results once they voted or it closed). */
	poll: PollView | null;
	/** The localities or sołectwa the post is about. */
	places: string[];
	images: { url: string; width: number; height: number; alt: string }[];
	counts: {
		comments: number;
		reactions: number;
		views: number;
		shares: number;
		byKind: Partial<Record<ReactionKind, number>>;
	};
	myReaction: ReactionKind | null;
	/** In a feed, a promotion running now (Pakiet 2): "Wyróżnione przez {sponsor}". */
	promotion: { id: string; sponsor: string; endsAt: string } | null;
	/** In a feed, the municipality a post cross-posted from a neighbouring group comes from (Pakiet 3). */
	crossPostedFrom: string | null;
	/** A resident's question to the office or a unit (issue 19). */
	question: QuestionView | null;
}

export interface PostImage {
	file: string;
	width: number;
	height: number;
	alt: string;
}

export function presentPost(row: PostRow, now: Date): FeedItem {
	const unit = row.unit_slug
		? {
				slug: row.unit_slug,
				type: row.unit_type!,
				typeLabel: unitTypeLabel(row.unit_type!),
				verified: !!row.unit_verified,
				logoUrl: row.unit_logo ? `/media/${row.unit_logo}` : null
			}
		: null;
	return {
		id: row.id,
		groupSlug: row.group_slug,
		author: unit ? { type: 'unit', name: row.unit_name!, unit } : { type: 'user', name: row.author_name, unit: null },
		category: row.category,
		categoryLabel: categoryLabel(row.category),
		body: row.body,
		mentions: row.mentions,
		status: row.status,
		moderationReason: row.moderation_reason,
		createdAt: (row.published_at ?? row.created_at).toISOString(),
		editedAt: row.edited_at?.toISOString() ?? null,
		scheduledFor: row.scheduled_for?.toISOString() ?? null,
		commentsEnabled: row.comments_enabled,
		pinned: row.pinned,
		urgent: !!row.urgent_until && row.urgent_until.getTime() > now.getTime(),
		urgentUntil: row.urgent_until?.toISOString() ?? null,
		alert: row.alert_kind
			? {
					kind: row.alert_kind,
					kindLabel: alertKinds[row.alert_kind as AlertKind] ?? row.alert_kind,
					title: row.alert_title,
					sent: row.alert_sent,
					allClearAt: row.all_clear_at?.toISOString() ?? null,
					allClearText: row.all_clear_text,
					updates: []
				}
			: null,
		event: row.event_start
			? {
					start: row.event_start.toISOString(),
					end: row.event_end?.toISOString() ?? null,
					place: row.event_place,
					going: row.event_counts?.going ?? 0,
					interested: row.event_counts?.interested ?? 0,
					myResponse: row.my_event_response
				}
			: null,
		poll: row.poll ? presentPoll(row.poll, row.my_poll_votes, now) : null,
		places: row.places ?? [],
		images: (row.images ?? []).map((i) => ({ url: `/media/${i.file}`, width: i.width, height: i.height, alt: i.alt })),
		counts: {
			comments: row.comment_count,
			reactions: row.reaction_count,
			views: row.view_count,
			shares: row.share_count,
			byKind: row.reaction_counts ?? {}
		},
		myReaction: row.my_reaction,
		promotion: row.promotion ? { ...row.promotion, endsAt: new Date(row.promotion.endsAt).toISOString() } : null,
		crossPostedFrom: row.cross_from,
		question: row.question
			? {
					unit: row.question.unit,
					state: row.question.state,
					stateLabel: questionStateLabels[row.question.state],
					forwardedFrom: row.question.from,
					answeredAt: row.question.answeredAt ? new Date(row.question.answeredAt).toISOString() : null,
					answerCommentId: row.question.answer
				}
			: null
	};
}
