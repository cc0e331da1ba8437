import { sql } from 'kysely';
import type { Clock } from '../core/clock';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { plural } from '../../format';

export type NotificationKind =
	| 'comment_on_post'
	| 'reply_to_comment'
	| 'comment_on_followed'
	| 'reaction_on_post'
	| 'post_approved'
	| 'post_rejected'
	| 'comment_approved'
	| 'comment_rejected'
	| 'membership_approved'
	| 'membership_declined'
	| 'moderation_decision'
	| 'appeal_decided'
	| 'report_received'
	| 'report_decided'
	| 'moderation_alert'
	| 'changes_requested'
	| 'post_held'
	| 'urgent_alert'
	| 'urgent_all_clear'
	| 'urgent_update'
	| 'terms_changed'
	| 'promoted_post'
	| 'question_asked'
	| 'question_answered'
	| 'question_forwarded'
	| 'question_overdue'
	| 'event_reminder'
	| 'mention'
	| 'message_reported'
	| 'message_removed';

export interface NewNotification {
	userId: string;
	kind: NotificationKind;
	groupId?: string;
	postId?: string;
	commentId?: string;
	actorName?: string;
	detail?: string;
	/** Where the notification leads when it is not a post or a comment (a statement of reasons). */
	link?: string;
}

/** Adds an in-app notification in the caller's transaction. */
export async function notify(db: Db, clock: Clock, n: NewNotification): Promise<void> {
	await db
		.insertInto('notifications')
		.values({
			user_id: n.userId,
			kind: n.kind,
			group_id: n.groupId ?? null,
			post_id: n.postId ?? null,
			comment_id: n.commentId ?? null,
			actor_name: n.actorName ?? null,
			detail: n.detail ?? null,
			link: n.link ?? null,
			created_at: clock.now(),
			read_at: null
		})
		.execute();
}

export async function listNotifications(ctx: Ctx, actor: Actor, limit = 50) {
	return ctx.db
		.selectFrom('notifications')
		.leftJoin('groups', 'groups.id', 'notifications.group_id')
		.select([
			'notifications.id',
			'notifications.kind',
			'notifications.post_id',
			'notifications.comment_id',
			'notifications.actor_name',
			'notifications.detail',
			'notifications.link',
			'notifications.created_at',
			'notifications.read_at',
			'groups.slug as group_slug',
			'groups.name as group_name'
		])
		.where('notifications.user_id', '=', actor.id)
		.orderBy('notifications.id', 'desc')
		.limit(limit)
		.execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
	const r = await db
		.selectFrom('notifications')
		.select(sql<string>`count(*)`.as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export async function markAllRead(ctx: Ctx, actor: Actor): Promise<void> {
	await ctx.db
		.updateTable('notifications')
		.set({ read_at: ctx.clock.now() })
		.where('user_id', '=', actor.id)
		.where('read_at', 'is', null)
		.execute();
}

/** One Polish sentence for a notification. */
export function describeNotification(n: {
	kind: string;
	actor_name: string | null;
	group_name: string | null;
	detail: string | null;
}): string {
	const who = n.actor_name ?? 'Ktoś';
	const where = n.group_name ? ` w grupie „${n.group_name}”` : '';
	switch (n.kind) {
		case 'comment_on_post':
			return `${who} komentuje Twój post${where}.`;
		case 'reply_to_comment':
			return `${who} odpowiada na Twój komentarz${where}.`;
		case 'mention':
			return `${who} wspomina o Tobie${where}.`;
		case 'comment_on_followed':
			return `${who} komentuje post, który obserwujesz${where}.`;
		case 'reaction_on_post':
			return `${who} reaguje na Twój post${where}.`;
		case 'post_approved':
			return `Twój post${where} został zaakceptowany i opublikowany.`;
		case 'post_rejected':
			return `Twój post${where} został odrzucony. Powód: ${n.detail ?? 'nie podano'}.`;
		case 'comment_approved':
			return `Twój komentarz${where} został zaakceptowany i opublikowany.`;
		case 'comment_rejected':
			return `Twój komentarz${where} został odrzucony. Powód: ${n.detail ?? 'nie podano'}.`;
		case 'membership_approved':
			return `Witamy! Twoja prośba o dołączenie do grupy${n.group_name ? ` „${n.group_name}”` : ''} została przyjęta.`;
		case 'membership_declined':
			return `Twoja prośba o dołączenie do grupy${n.group_name ? ` „${n.group_name}”` : ''} została odrzucona.`;
		case 'moderation_decision':
			return `${n.detail ?? 'Moderacja ograniczyła Twoją treść.'} Zobacz uzasadnienie i możliwość odwołania.`;
		case 'promoted_post':
			return `${who} wyróżnia${where}: ${n.detail ?? 'nowy post'}`;
		case 'question_answered':
			return `${who} odpowiada na Twoje pytanie${where}.`;
		case 'question_forwarded':
			return `${who} przekazuje Twoje pytanie${where}: odpowie ${n.detail ?? 'inna jednostka'}.`;
		case 'changes_requested':
			return `Moderator prosi o poprawki w Twoim poście${where}: ${n.detail ?? ''}`;
		case 'post_held':
		case 'question_asked':
		case 'question_overdue':
		case 'event_reminder':
		case 'message_reported':
		case 'message_removed':
		case 'urgent_alert':
		case 'urgent_all_clear':
		case 'urgent_update':
		case 'terms_changed':
		case 'appeal_decided':
		case 'report_received':
		case 'report_decided':
		case 'moderation_alert':
			return n.detail ?? 'Nowe powiadomienie.';
		default:
			return 'Nowe powiadomienie.';
	}
}

/** Kinds told once per person and post that read as one line when several people did the same. */
const groupedVerbs: Partial<Record<NotificationKind, { one: string; many: string; what: string }>> = {
	comment_on_post: { one: 'komentuje', many: 'komentują', what: 'Twój post' },
	comment_on_followed: { one: 'komentuje', many: 'komentują', what: 'post, który obserwujesz' },
	reply_to_comment: { one: 'odpowiada', many: 'odpowiadają', what: 'na Twój komentarz' },
	reaction_on_post: { one: 'reaguje', many: 'reagują', what: 'na Twój post' }
};

/** "Anna", "Anna i Jan", "Anna i 3 inne osoby": the newest first. */
export function whoDid(names: string[]): { who: string; many: boolean } {
	if (names.length <= 1) return { who: names[0] ?? 'Ktoś', many: false };
	if (names.length === 2) return { who: `${names[0]} i ${names[1]}`, many: true };
	const others = names.length - 1;
	return { who: `${names[0]} i ${others} ${plural(others, 'inna osoba', 'inne osoby', 'innych osób')}`, many: true };
}

export interface NotificationEntry {
	id: string;
	text: string;
	kind: string;
	/** How many notifications the line stands for. */
	count: number;
	unread: boolean;
	createdAt: string;
	groupSlug: string | null;
	postId: string | null;
	commentId: string | null;
	link: string | null;
}

/**
 * The person's notifications as the page shows them: comments, replies and reactions on one post
 * read as one line ("Anna i 3 inne osoby komentują Twój post"), unread ones apart from read ones,
 * newest first; every other kind one line each.
 */
export async function groupedNotifications(ctx: Ctx, actor: Actor, limit = 50): Promise<NotificationEntry[]> {
	const rows = await listNotifications(ctx, actor, 300);
	const entries: (NotificationEntry & { names: string[] })[] = [];
	const open = new Map<string, NotificationEntry & { names: string[] }>();
	for (const n of rows) {
		const verbs = groupedVerbs[n.kind as NotificationKind];
		const key = verbs && n.post_id ? `${n.kind}:${n.post_id}:${n.read_at ? 'read' : 'unread'}` : null;
		const same = key ? open.get(key) : undefined;
		if (same) {
			same.count++;
			if (n.actor_name && !same.names.includes(n.actor_name)) same.names.push(n.actor_name);
			continue;
		}
		const entry = {
			id: n.id,
			text: describeNotification(n),
			kind: n.kind,
			count: 1,
			unread: !n.read_at,
			createdAt: n.created_at.toISOString(),
			groupSlug: n.group_slug,
			postId: n.post_id,
			commentId: n.comment_id,
			link: n.link,
			names: n.actor_name ? [n.actor_name] : []
		};
		if (key) open.set(key, entry);
		entries.push(entry);
	}
	return entries.slice(0, limit).map(({ names, ...e }) => {
		const verbs = groupedVerbs[e.kind as NotificationKind];
		if (!verbs || names.length < 2) return e;
		const { who } = whoDid(names);
		const group = rows.find((r) => r.id === e.id)?.group_name;
		return { ...e, text: `${who} ${verbs.many} ${verbs.what}${group ? ` w grupie „${group}”` : ''}.` };
	});
}
