import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { MessageReportDecision } from '../db/schema';
import { AppError, notFound } from '../core/errors';
import { isId, parseInput } from '../core/validation';
import { assertSignedIn } from '../access/actor';
import { authorizeConversation, authorizeMessageReport } from '../access/conversation-access';
import { moderatorsOf } from '../moderation/intake';
import { notify } from '../notify/notifications';
import { excerpt } from '../../text/excerpt';
import { messageRemovedNotice, messageReportDecidedNotice, messageReportedNotice } from './messages';

export const reportSchema = z.object({
	reason: z
		.string({ error: 'Napisz, co jest nie tak z tą wiadomością.' })
		.trim()
		.min(3, 'Napisz, co jest nie tak z tą wiadomością.')
		.max(1000, 'Opis może mieć najwyżej 1000 znaków.')
});

const decisionSchema = z.object({
	decision: z.enum(['removed', 'dismissed'], { error: 'Wybierz: usunąć wiadomość albo zostawić ją bez zmian.' })
});

/**
 * The recipient reports a message to the moderators of the group the conversation belongs to; the
 * report alone lets them read this one conversation.
 */
export async function reportMessage(
	ctx: Ctx,
	actor: Actor | null,
	conversationId: string,
	messageId: string,
	input: unknown
): Promise<{ id: string }> {
	const { conversation, actor: me, otherId } = await authorizeConversation(ctx, actor, conversationId);
	const { reason } = parseInput(reportSchema, input);
	if (!isId(messageId)) throw notFound('Nie ma takiej wiadomości.');
	const message = await ctx.db
		.selectFrom('private_messages')
		.select(['id', 'sender_id', 'removed_at'])
		.where('id', '=', messageId)
		.where('conversation_id', '=', conversation.id)
		.executeTakeFirst();
	if (!message || message.removed_at) throw notFound('Nie ma takiej wiadomości.');
	if (message.sender_id !== otherId)
		throw new AppError('validation', 'Zgłosić można wiadomość od drugiej osoby, nie własną.');
	return ctx.db.transaction().execute(async (tx) => {
		const report = await tx
			.insertInto('message_reports')
			.values({
				message_id: message.id,
				conversation_id: conversation.id,
				group_id: conversation.group_id,
				reporter_id: me.id,
				reason,
				created_at: ctx.clock.now(),
				decision: null,
				decided_by: null,
				decided_at: null
			})
			.onConflict((oc) => oc.columns(['message_id', 'reporter_id']).doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!report) throw new AppError('conflict', 'Ta wiadomość jest już zgłoszona — moderatorzy ją sprawdzą.');
		const group = await tx
			.selectFrom('groups')
			.select(['id', 'name', 'slug'])
			.where('id', '=', conversation.group_id)
			.executeTakeFirstOrThrow();
		for (const m of await moderatorsOf(tx, group.id))
			await notify(tx, ctx.clock, {
				userId: m.id,
				kind: 'message_reported',
				groupId: group.id,
				detail: messageReportedNotice(group.name),
				link: `/moderacja/wiadomosci/${report.id}?grupa=${group.slug}`
			});
		return { id: report.id };
	});
}

export interface MessageReportSummary {
	id: string;
	group: { slug: string; name: string };
	reason: string;
	createdAt: string;
}

/**
 * Open reports of private messages in the groups the actor moderates (every group for the
 * operator), or in one of them.
 */
export async function openMessageReports(
	ctx: Ctx,
	actor: Actor | null,
	groupSlug?: string
): Promise<MessageReportSummary[]> {
	assertSignedIn(actor, 'Zaloguj się, aby rozpatrywać zgłoszenia.');
	let q = ctx.db
		.selectFrom('message_reports as r')
		.innerJoin('groups as g', 'g.id', 'r.group_id')
		.select(['r.id', 'r.reason', 'r.created_at', 'g.slug', 'g.name'])
		.where('r.decision', 'is', null)
		.orderBy('r.id')
		.limit(200);
	if (!actor.isOperator)
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('memberships as m')
					.select('m.user_id')
					.whereRef('m.group_id', '=', 'r.group_id')
					.where('m.user_id', '=', actor.id)
					.where('m.role', '=', 'moderator')
					.where('m.status', '=', 'approved')
			)
		);
	if (groupSlug) q = q.where('g.slug', '=', groupSlug);
	const rows = await q.execute();
	return rows.map((r) => ({
		id: r.id,
		group: { slug: r.slug, name: r.name },
		reason: r.reason,
		createdAt: r.created_at.toISOString()
	}));
}

export interface ReportedConversation {
	id: string;
	group: { slug: string; name: string };
	reason: string;
	createdAt: string;
	decision: MessageReportDecision | null;
	reporterName: string;
	senderName: string;
	/** The conversation, the reported message marked: only what a report opens. */
	messages: {
		id: string;
		from: 'reporter' | 'sender';
		body: string;
		removed: boolean;
		at: string;
		reported: boolean;
	}[];
}

/** The one conversation a report opens to the group's moderators. */
export async function reportedConversation(
	ctx: Ctx,
	actor: Actor | null,
	reportId: string
): Promise<ReportedConversation> {
	const { report, group } = await authorizeMessageReport(ctx, actor, reportId);
	const [messages, people] = await Promise.all([
		ctx.db
			.selectFrom('private_messages')
			.select(['id', 'sender_id', 'body', 'removed_at', 'created_at'])
			.where('conversation_id', '=', report.conversation_id)
			.orderBy('id')
			.execute(),
		ctx.db
			.selectFrom('private_messages as m')
			.innerJoin('users as u', 'u.id', 'm.sender_id')
			.select(['u.id', 'u.display_name'])
			.where('m.id', '=', report.message_id)
			.union(ctx.db.selectFrom('users as u').select(['u.id', 'u.display_name']).where('u.id', '=', report.reporter_id))
			.execute()
	]);
	const name = (id: string) => people.find((p) => p.id === id)?.display_name ?? 'Konto usunięte';
	const sender = messages.find((m) => m.id === report.message_id)!.sender_id;
	return {
		id: report.id,
		group: { slug: group.slug, name: group.name },
		reason: report.reason,
		createdAt: report.created_at.toISOString(),
		decision: report.decision,
		reporterName: name(report.reporter_id),
		senderName: name(sender),
		messages: messages.map((m) => ({
			id: m.id,
			from: m.sender_id === sender ? 'sender' : 'reporter',
			body: m.body,
			removed: !!m.removed_at,
			at: m.created_at.toISOString(),
			reported: m.id === report.message_id
		}))
	};
}

/** The moderators' decision: remove the message (its sender is told) or leave it; the reporter is told either way. */
export async function decideMessageReport(
	ctx: Ctx,
	actor: Actor | null,
	reportId: string,
	input: unknown
): Promise<{ decision: MessageReportDecision }> {
	const { report, group, actor: moderator } = await authorizeMessageReport(ctx, actor, reportId);
	const { decision } = parseInput(decisionSchema, input);
	if (report.decision) throw new AppError('conflict', 'To zgłoszenie jest już rozpatrzone.');
	await ctx.db.transaction().execute(async (tx) => {
		const now = ctx.clock.now();
		const decided = await tx
			.updateTable('message_reports')
			.set({ decision, decided_by: moderator.id, decided_at: now })
			.where('message_id', '=', report.message_id)
			.where('decision', 'is', null)
			.returning('reporter_id')
			.execute();
		if (!decided.length) throw new AppError('conflict', 'To zgłoszenie jest już rozpatrzone.');
		if (decision === 'removed') {
			const message = await tx
				.updateTable('private_messages')
				.set({ removed_at: now })
				.where('id', '=', report.message_id)
				.returning(['sender_id', 'body'])
				.executeTakeFirstOrThrow();
			await notify(tx, ctx.clock, {
				userId: message.sender_id,
				kind: 'message_removed',
				groupId: group.id,
				detail: `${messageRemovedNotice(group.name)} Usunięta wiadomość: „${excerpt(message.body, 80)}”.`,
				link: `/wiadomosci/${report.conversation_id}`
			});
		}
		for (const r of new Set(decided.map((d) => d.reporter_id)))
			await notify(tx, ctx.clock, {
				userId: r,
				kind: 'report_decided',
				groupId: group.id,
				detail: messageReportDecidedNotice(decision === 'removed'),
				link: `/wiadomosci/${report.conversation_id}`
			});
	});
	return { decision };
}
