import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db, LiveEvent } from '../db/database';
import type { Group } from '../db/schema';
import { AppError, forbidden, notFound } from '../core/errors';
import { idSchema, isId, parseInput } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { authorizeConversation, messagingStanding } from '../access/conversation-access';
import { groupAccess } from '../access/group-access';
import { assertCan } from '../access/policy';
import { authorizeOnPost } from '../access/post-access';
import { verdict } from '../moderation/engine';
import { hasLink } from '../moderation/links';
import { reasonsFor } from '../moderation/screen';
import { findingsFor, loadWordList } from '../moderation/word-lists';
import { hitLimits } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { excerpt } from '../../text/excerpt';

/** Longest message, in characters. */
export const MESSAGE_MAX = 4000;
/** A member this many days in a group is "new" for the limit below (moderators never are). */
export const NEW_MEMBER_DAYS = 14;
/** Conversations a new member may start in 24 hours. */
export const NEW_MEMBER_CONVERSATIONS_A_DAY = 5;
/** Messages a conversation page shows at once (older ones by "Wcześniejsze wiadomości"). */
const PAGE = 50;

const bodySchema = z
	.string({ error: 'Napisz treść wiadomości.' })
	.trim()
	.min(1, 'Napisz treść wiadomości.')
	.max(MESSAGE_MAX, `Wiadomość może mieć najwyżej ${MESSAGE_MAX} znaków.`);

const targetSchema = z.object({
	post: idSchema('Wskaż post, pod którym piszesz do autora.').optional(),
	comment: idSchema('Wskaż komentarz, którego autorowi piszesz.').optional()
});

export const startSchema = targetSchema.extend({ body: bodySchema }).refine((v) => !!v.post !== !!v.comment, {
	message: 'Wskaż post albo komentarz, którego autorowi piszesz.',
	path: ['post']
});

export const messageSchema = z.object({ body: bodySchema });

/** Whom a message starts with: the author of a post or of a comment, in that post's group. */
async function recipientOf(ctx: Ctx, actor: Actor | null, target: { post?: string; comment?: string }) {
	let postId = target.post;
	let recipientId: string | undefined;
	if (target.comment) {
		const comment = await ctx.db
			.selectFrom('comments')
			.select(['post_id', 'author_id', 'status'])
			.where('id', '=', target.comment)
			.executeTakeFirst();
		if (!comment || comment.status !== 'published') throw notFound('Nie ma takiego komentarza.');
		postId = comment.post_id;
		recipientId = comment.author_id;
	}
	const { group, access, actor: me } = await authorizeOnPost(ctx, actor, postId!, 'read');
	const post = await ctx.db
		.selectFrom('posts')
		.select(['author_id', 'unit_id', 'status', 'body'])
		.where('id', '=', postId!)
		.executeTakeFirstOrThrow();
	if (post.status !== 'published') throw notFound('Nie ma takiego posta.');
	if (!recipientId) {
		if (post.unit_id)
			throw new AppError(
				'validation',
				'To post jednostki gminy, nie osoby prywatnej. Pytanie do urzędu zadasz w grupie w kategorii „Pytania”.'
			);
		recipientId = post.author_id;
	}
	assertSignedIn(me, 'Zaloguj się, aby napisać wiadomość.');
	assertCan(access.role, 'message', group, me);
	if (recipientId === me.id) throw new AppError('validation', 'To Twój własny wpis — nie możesz napisać do siebie.');
	const recipient = await ctx.db
		.selectFrom('users')
		.select('display_name')
		.where('id', '=', recipientId)
		.executeTakeFirstOrThrow();
	return { me, group, postId: postId!, postBody: post.body, recipientId, recipientName: recipient.display_name };
}

const pairOf = (a: string, b: string) => (BigInt(a) < BigInt(b) ? [a, b] : [b, a]);

async function conversationOfPair(db: Db, a: string, b: string) {
	const [low, high] = pairOf(a, b);
	return db
		.selectFrom('conversations')
		.select(['id', 'group_id'])
		.where('user_low', '=', low)
		.where('user_high', '=', high)
		.executeTakeFirst();
}

/** Who blocked whom between two people: `me` blocked them, `them` blocked me. */
async function blocksBetween(db: Db, me: string, other: string) {
	const rows = await db
		.selectFrom('user_blocks')
		.select('user_id')
		.where((eb) =>
			eb.or([
				eb.and([eb('user_id', '=', me), eb('blocked_id', '=', other)]),
				eb.and([eb('user_id', '=', other), eb('blocked_id', '=', me)])
			])
		)
		.execute();
	return { me: rows.some((r) => r.user_id === me), them: rows.some((r) => r.user_id === other) };
}

/**
 * Why the actor may not write to the other person in this group now, or null. Both must be
 * members (the recipient may be muted: they still read), no block either way, the other's account
 * not deleted.
 */
async function refusalToWrite(
	ctx: Pick<Ctx, 'db' | 'clock'>,
	group: Group,
	me: string,
	other: string
): Promise<string | null> {
	const now = ctx.clock.now();
	const [mine, theirs, blocks] = await Promise.all([
		messagingStanding(ctx.db, group.id, me, now),
		messagingStanding(ctx.db, group.id, other, now),
		blocksBetween(ctx.db, me, other)
	]);
	if (blocks.me) return 'Zablokowano tę osobę. Odblokuj ją, aby znów do niej pisać.';
	if (blocks.them) return 'Ta osoba nie przyjmuje od Ciebie wiadomości.';
	if (mine !== 'member') return 'Wiadomości w tej grupie piszą jej członkowie, bez wyciszenia ani zawieszenia.';
	if (!theirs) return 'Ta osoba nie jest teraz członkiem grupy — nie można do niej pisać.';
	return null;
}

/**
 * Links in a message from someone the recipient has not answered yet pass the same screening as a
 * post: what would hold a post is not sent, and the sender is told why (nobody reads a held message).
 */
async function screenLinks(ctx: Ctx, group: Group, text: string, fromContact: boolean): Promise<void> {
	if (fromContact || !hasLink(text)) return;
	const findings = findingsFor(text, { lexicon: ctx.lexicon, words: await loadWordList(ctx.db, group.id) });
	if (verdict(findings, 'resident') === 'publish') return;
	const reasons = reasonsFor(text, findings, 'resident', { thing: 'wiadomość' });
	throw new AppError(
		'validation',
		`Ta wiadomość zawiera link od osoby, z którą adresat jeszcze nie rozmawiał, i nie przeszła sprawdzenia jak post w grupie. ${reasons.join(' ')}`,
		{ body: reasons.join(' ') || 'Usuń link z wiadomości.' }
	);
}

async function assertMayStartConversation(ctx: Ctx, actor: Actor, group: Group): Promise<void> {
	const access = await groupAccess(ctx, actor, group);
	if (access.role === 'moderator' || !access.memberSince) return;
	const now = ctx.clock.now().getTime();
	if (now - access.memberSince.getTime() >= NEW_MEMBER_DAYS * 86_400_000) return;
	const started = await ctx.db
		.selectFrom('conversations')
		.select(sql<string>`count(*)`.as('n'))
		.where('started_by', '=', actor.id)
		.where('created_at', '>', new Date(now - 86_400_000))
		.executeTakeFirstOrThrow();
	if (Number(started.n) >= NEW_MEMBER_CONVERSATIONS_A_DAY)
		throw new AppError(
			'rate_limited',
			`W pierwszych ${NEW_MEMBER_DAYS} dniach w grupie można zacząć najwyżej ${NEW_MEMBER_CONVERSATIONS_A_DAY} nowych rozmów na dobę. Odpowiadać w rozmowach, które już masz, możesz bez ograniczeń.`
		);
}

/** Stores a message, moves the conversation up both lists and tells the two people's streams. */
async function insertMessage(
	ctx: Ctx,
	tx: Db,
	conversationId: string,
	senderId: string,
	recipientId: string,
	body: string
) {
	await hitLimits(tx, ctx.clock, [limits.messagesPerAccount(senderId)]);
	const now = ctx.clock.now();
	const message = await tx
		.insertInto('private_messages')
		.values({ conversation_id: conversationId, sender_id: senderId, body, created_at: now, removed_at: null })
		.returning(['id', 'created_at'])
		.executeTakeFirstOrThrow();
	await tx
		.updateTable('conversations')
		.set({ last_message_at: now, last_sender_id: senderId, last_message_id: message.id })
		.where('id', '=', conversationId)
		.execute();
	await tx
		.updateTable('conversation_members')
		.set({ last_read_id: message.id })
		.where('conversation_id', '=', conversationId)
		.where('user_id', '=', senderId)
		.execute();
	await ctx.notifier.publish(tx, {
		type: 'message',
		conversationId,
		messageId: message.id,
		userIds: [senderId, recipientId]
	});
	return { id: message.id, conversationId, createdAt: message.created_at.toISOString() };
}

export interface SentMessage {
	id: string;
	conversationId: string;
	createdAt: string;
}

/**
 * "Napisz do autora": the first message to the author of a post or a comment, in that post's
 * group. The pair's conversation is reused when they have one (it then belongs to this group).
 */
export async function startConversation(ctx: Ctx, actor: Actor | null, input: unknown): Promise<SentMessage> {
	const data = parseInput(startSchema, input);
	const { me, group, postId, recipientId } = await recipientOf(ctx, actor, data);
	const refusal = await refusalToWrite(ctx, group, me.id, recipientId);
	if (refusal) throw forbidden(refusal);
	const existing = await conversationOfPair(ctx.db, me.id, recipientId);
	if (!existing) await assertMayStartConversation(ctx, me, group);
	// A pair that already talks goes on where it started while both may still write there: its
	// moderators (who alone take reports of it) stay the same. Else it moves to this group.
	const stays =
		!!existing &&
		(existing.group_id === group.id ||
			(await refusalToWrite(ctx, await groupOf(ctx.db, existing.group_id), me.id, recipientId)) === null);
	const fromContact = !!existing && (await hasWritten(ctx.db, existing.id, recipientId));
	await screenLinks(ctx, group, data.body, fromContact);
	return ctx.db.transaction().execute(async (tx) => {
		const now = ctx.clock.now();
		const [low, high] = pairOf(me.id, recipientId);
		const conversation = await tx
			.insertInto('conversations')
			.values({
				group_id: group.id,
				post_id: postId,
				user_low: low,
				user_high: high,
				started_by: me.id,
				created_at: now,
				last_message_at: now,
				last_sender_id: me.id
			})
			.onConflict((oc) =>
				stays
					? oc.columns(['user_low', 'user_high']).doUpdateSet((eb) => ({ group_id: eb.ref('conversations.group_id') }))
					: oc.columns(['user_low', 'user_high']).doUpdateSet({ group_id: group.id, post_id: postId })
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('conversation_members')
			.values([
				{ conversation_id: conversation.id, user_id: me.id },
				{ conversation_id: conversation.id, user_id: recipientId }
			])
			.onConflict((oc) => oc.doNothing())
			.execute();
		return insertMessage(ctx, tx, conversation.id, me.id, recipientId, data.body);
	});
}

async function hasWritten(db: Db, conversationId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('private_messages')
		.select('id')
		.where('conversation_id', '=', conversationId)
		.where('sender_id', '=', userId)
		.limit(1)
		.executeTakeFirst();
	return !!row;
}

async function groupOf(db: Db, groupId: string): Promise<Group> {
	return db.selectFrom('groups').selectAll().where('id', '=', groupId).executeTakeFirstOrThrow();
}

/** A message in a conversation the actor is part of. */
export async function sendMessage(
	ctx: Ctx,
	actor: Actor | null,
	conversationId: string,
	input: unknown
): Promise<SentMessage> {
	const { conversation, actor: me, otherId } = await authorizeConversation(ctx, actor, conversationId);
	const data = parseInput(messageSchema, input);
	const group = await groupOf(ctx.db, conversation.group_id);
	const refusal = await refusalToWrite(ctx, group, me.id, otherId);
	if (refusal) throw forbidden(refusal);
	await screenLinks(ctx, group, data.body, await hasWritten(ctx.db, conversation.id, otherId));
	return ctx.db.transaction().execute((tx) => insertMessage(ctx, tx, conversation.id, me.id, otherId, data.body));
}

/** Marks the conversation read up to now (the page does it when the person opens it). */
export async function markConversationRead(ctx: Ctx, actor: Actor | null, conversationId: string): Promise<void> {
	const { conversation, actor: me } = await authorizeConversation(ctx, actor, conversationId);
	await ctx.db
		.updateTable('conversation_members')
		.set((eb) => ({
			last_read_id: eb
				.selectFrom('conversations')
				.select(sql<string>`coalesce(last_message_id, 0)`.as('id'))
				.where('id', '=', conversation.id)
		}))
		.where('conversation_id', '=', conversation.id)
		.where('user_id', '=', me.id)
		.execute();
}

/** Blocks (or unblocks) the other person of a conversation: neither can write to the other while it stands. */
export async function blockInConversation(
	ctx: Ctx,
	actor: Actor | null,
	conversationId: string,
	block: boolean
): Promise<{ blocked: boolean }> {
	const { actor: me, otherId } = await authorizeConversation(ctx, actor, conversationId);
	if (block)
		await ctx.db
			.insertInto('user_blocks')
			.values({ user_id: me.id, blocked_id: otherId, created_at: ctx.clock.now() })
			.onConflict((oc) => oc.doNothing())
			.execute();
	else await ctx.db.deleteFrom('user_blocks').where('user_id', '=', me.id).where('blocked_id', '=', otherId).execute();
	return { blocked: block };
}

export interface ConversationSummary {
	id: string;
	other: { name: string; deleted: boolean };
	group: { slug: string; name: string };
	last: { excerpt: string; at: string; mine: boolean };
	unread: number;
	blocked: boolean;
}

/** The actor's conversations, latest first, with each one's unread messages. */
export async function listConversations(ctx: Ctx, actor: Actor | null): Promise<ConversationSummary[]> {
	assertSignedIn(actor, 'Zaloguj się, aby zobaczyć swoje wiadomości.');
	const rows = await ctx.db
		.selectFrom('conversation_members as cm')
		.innerJoin('conversations as c', 'c.id', 'cm.conversation_id')
		.innerJoin('groups as g', 'g.id', 'c.group_id')
		.innerJoin('users as o', (j) =>
			j.on(sql<boolean>`o.id = case when c.user_low = ${actor.id} then c.user_high else c.user_low end`)
		)
		.select([
			'c.id',
			'c.last_message_at',
			'c.last_sender_id',
			'g.slug',
			'g.name as group_name',
			'o.display_name',
			'o.deleted_at'
		])
		.select((eb) => [
			eb
				.selectFrom('private_messages as m')
				.select(sql<string>`count(*)`.as('n'))
				.whereRef('m.conversation_id', '=', 'c.id')
				.where('m.sender_id', '!=', actor.id)
				.where('m.removed_at', 'is', null)
				.whereRef('m.id', '>', 'cm.last_read_id')
				.as('unread'),
			eb
				.selectFrom('private_messages as m')
				.select(sql<string>`case when m.removed_at is null then m.body else '' end`.as('body'))
				.whereRef('m.conversation_id', '=', 'c.id')
				.orderBy('m.id', 'desc')
				.limit(1)
				.as('last_body'),
			eb
				.exists(
					eb
						.selectFrom('user_blocks as b')
						.select('b.user_id')
						.where('b.user_id', '=', actor.id)
						.whereRef('b.blocked_id', '=', 'o.id')
				)
				.as('blocked')
		])
		.where('cm.user_id', '=', actor.id)
		.orderBy('c.last_message_at', 'desc')
		.limit(200)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		other: { name: r.deleted_at ? 'Konto usunięte' : r.display_name, deleted: !!r.deleted_at },
		group: { slug: r.slug, name: r.group_name },
		last: {
			excerpt: r.last_body ? excerpt(r.last_body, 100) : 'Wiadomość usunięta',
			at: r.last_message_at.toISOString(),
			mine: r.last_sender_id === actor.id
		},
		unread: Number(r.unread ?? 0),
		blocked: !!r.blocked
	}));
}

export interface MessageView {
	id: string;
	mine: boolean;
	/** Empty once the moderators removed it. */
	body: string;
	removed: boolean;
	at: string;
}

export interface ConversationView {
	id: string;
	other: { name: string; deleted: boolean };
	group: { slug: string; name: string };
	post: { id: string; excerpt: string } | null;
	messages: MessageView[];
	/** Older messages exist before the first one shown. */
	more: boolean;
	/** The other's messages the actor had not read before this look. */
	unread: number;
	blocked: boolean;
	/** Why the actor cannot write now, or null. */
	cannotWrite: string | null;
	/** Messages the actor already reported. */
	reported: string[];
}

const toMessage =
	(me: string) => (m: { id: string; sender_id: string; body: string; removed_at: Date | null; created_at: Date }) => ({
		id: m.id,
		mine: m.sender_id === me,
		body: m.removed_at ? '' : m.body,
		removed: !!m.removed_at,
		at: m.created_at.toISOString()
	});

/**
 * One conversation for one of its two people: the latest messages (or those before `before`);
 * with `markRead`, what it shows counts as read (the page; `unread` still says what was new).
 */
export async function conversationView(
	ctx: Ctx,
	actor: Actor | null,
	conversationId: string,
	opts: { before?: string; markRead?: boolean } = {}
): Promise<ConversationView> {
	const { conversation, actor: me, otherId } = await authorizeConversation(ctx, actor, conversationId);
	const before = opts.before && isId(opts.before) ? opts.before : null;
	let q = ctx.db
		.selectFrom('private_messages')
		.select(['id', 'sender_id', 'body', 'removed_at', 'created_at'])
		.where('conversation_id', '=', conversation.id)
		.orderBy('id', 'desc')
		.limit(PAGE + 1);
	if (before) q = q.where('id', '<', before);
	const [rows, other, group, member, post, blocks, reported] = await Promise.all([
		q.execute(),
		ctx.db
			.selectFrom('users')
			.select(['display_name', 'deleted_at'])
			.where('id', '=', otherId)
			.executeTakeFirstOrThrow(),
		groupOf(ctx.db, conversation.group_id),
		ctx.db
			.selectFrom('conversation_members')
			.select('last_read_id')
			.where('conversation_id', '=', conversation.id)
			.where('user_id', '=', me.id)
			.executeTakeFirst(),
		conversation.post_id
			? ctx.db
					.selectFrom('posts')
					.select(['id', 'body'])
					.where('id', '=', conversation.post_id)
					.where('status', '=', 'published')
					.executeTakeFirst()
			: undefined,
		blocksBetween(ctx.db, me.id, otherId),
		ctx.db
			.selectFrom('message_reports')
			.select('message_id')
			.where('conversation_id', '=', conversation.id)
			.where('reporter_id', '=', me.id)
			.execute()
	]);
	const lastRead = BigInt(member?.last_read_id ?? 0);
	if (opts.markRead && !before && conversation.last_message_id && BigInt(conversation.last_message_id) > lastRead)
		await ctx.db
			.updateTable('conversation_members')
			.set({ last_read_id: conversation.last_message_id })
			.where('conversation_id', '=', conversation.id)
			.where('user_id', '=', me.id)
			.execute();
	return {
		id: conversation.id,
		other: { name: other.deleted_at ? 'Konto usunięte' : other.display_name, deleted: !!other.deleted_at },
		group: { slug: group.slug, name: group.name },
		post: post ? { id: post.id, excerpt: excerpt(post.body, 120) } : null,
		messages: rows.slice(0, PAGE).reverse().map(toMessage(me.id)),
		more: rows.length > PAGE,
		unread: rows.filter((m) => m.sender_id !== me.id && !m.removed_at && BigInt(m.id) > lastRead).length,
		blocked: blocks.me,
		cannotWrite: await refusalToWrite(ctx, group, me.id, otherId),
		reported: reported.map((r) => r.message_id)
	};
}

/** One message of a conversation for its two people (a live update fetches the new one). */
export async function messageInConversation(
	ctx: Ctx,
	actor: Actor | null,
	conversationId: string,
	messageId: string
): Promise<MessageView> {
	const { conversation, actor: me } = await authorizeConversation(ctx, actor, conversationId);
	if (!isId(messageId)) throw notFound('Nie ma takiej wiadomości.');
	const row = await ctx.db
		.selectFrom('private_messages')
		.select(['id', 'sender_id', 'body', 'removed_at', 'created_at'])
		.where('conversation_id', '=', conversation.id)
		.where('id', '=', messageId)
		.executeTakeFirst();
	if (!row) throw notFound('Nie ma takiej wiadomości.');
	return toMessage(me.id)(row);
}

export interface NewConversationTarget {
	recipientName: string;
	group: { slug: string; name: string };
	post: { id: string; excerpt: string };
	/** The pair already talks: the page goes there instead. */
	existingId: string | null;
	cannotWrite: string | null;
}

/** What "Napisz do autora" shows before the first message: to whom, about which post. */
export async function newConversationTarget(
	ctx: Ctx,
	actor: Actor | null,
	target: { post?: string; comment?: string }
): Promise<NewConversationTarget> {
	const data = parseInput(targetSchema, target);
	if (!!data.post === !!data.comment) throw notFound('Nie wskazano, do kogo piszesz.');
	const { me, group, postId, postBody, recipientId, recipientName } = await recipientOf(ctx, actor, data);
	const existing = await conversationOfPair(ctx.db, me.id, recipientId);
	return {
		recipientName,
		group: { slug: group.slug, name: group.name },
		post: { id: postId, excerpt: excerpt(postBody, 120) },
		existingId: existing?.id ?? null,
		cannotWrite: await refusalToWrite(ctx, group, me.id, recipientId)
	};
}

/** E-mails about messages left unread (on by default; `/wiadomosci` turns them off). */
export async function setMessageEmails(ctx: Ctx, actor: Actor | null, on: boolean): Promise<{ emails: boolean }> {
	assertSignedIn(actor);
	await ctx.db.updateTable('users').set({ message_emails: on }).where('id', '=', actor.id).execute();
	return { emails: on };
}

/** The inbox page: the conversations and whether e-mails tell of unread messages. */
export async function inbox(ctx: Ctx, actor: Actor | null) {
	assertSignedIn(actor, 'Zaloguj się, aby zobaczyć swoje wiadomości.');
	const [conversations, user] = await Promise.all([
		listConversations(ctx, actor),
		ctx.db.selectFrom('users').select('message_emails').where('id', '=', actor.id).executeTakeFirstOrThrow()
	]);
	return { conversations, emails: user.message_emails, now: ctx.clock.now().toISOString() };
}

/**
 * Which live events go to a person's message stream (their conversations' new messages), and what
 * of each: the ids, not whom else it concerns.
 */
export function messageStream(actor: Actor | null) {
	assertSignedIn(actor, 'Zaloguj się, aby dostawać wiadomości na żywo.');
	return {
		wanted: (event: LiveEvent) => event.type === 'message' && event.userIds.includes(actor.id),
		present: (event: LiveEvent) =>
			event.type === 'message' ? { conversationId: event.conversationId, messageId: event.messageId } : null
	};
}
