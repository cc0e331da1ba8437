import type { Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { Group, StoredFinding } from '../db/schema';
import { notify } from '../notify/notifications';
import { enqueueEmail } from '../notify/outbox';
import { logAction } from '../audit/audit-log';
import { moderationAlertEmail } from './messages';
import type { ScreenResult } from './screen';
import { groundForFindings } from './terms';

export interface Screened {
	group: Pick<Group, 'id' | 'slug' | 'name'>;
	result: ScreenResult;
	authorId: string;
	postId: string;
	commentId?: string;
	createdAt: Date;
}

/** What the screening noticed, as stored with the content for the queue's highlights. */
export function storedFindings(result: ScreenResult): string {
	return JSON.stringify(
		result.findings.map((f): StoredFinding => ({
			rule: f.rule,
			category: f.category,
			severity: f.severity,
			start: f.start,
			end: f.end,
			message: f.message,
			...(f.score !== undefined ? { score: f.score } : {})
		}))
	);
}

/** The group's moderators who can be told of something (accounts not deleted). */
export async function moderatorsOf(db: Db, groupId: string) {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.email'])
		.where('m.group_id', '=', groupId)
		.where('m.role', '=', 'moderator')
		.where('m.status', '=', 'approved')
		.where('u.deleted_at', 'is', null)
		.execute();
}

/**
 * After new content is stored, in the same transaction: an automated hold goes to the audit
 * log; a `block` finding alerts the group's moderators in the app and by e-mail; a `flag` word
 * tells them to look at what was published.
 */
export async function afterScreening(ctx: Ctx, tx: Db, s: Screened): Promise<void> {
	const { result, group } = s;
	const what = s.commentId ? 'komentarz' : 'post';
	const held = result.findings.filter((f) => f.severity !== 'info');
	if (result.heldForContent) {
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: null,
			action: 'hold',
			postId: s.postId,
			commentId: s.commentId,
			subjectId: s.authorId,
			ground: groundForFindings(held),
			facts: held.map((f) => f.message).join(' '),
			automatedDetection: true,
			automatedDecision: true,
			contentCreatedAt: s.createdAt
		});
	}
	if (!result.alert && !result.flagged) return;
	const flagged = result.findings.filter((f) => f.rule === 'word_list.flag');
	const detail = result.alert
		? `Pilne: ${what} w grupie „${group.name}” zatrzymany — ${result.findings
				.filter((f) => f.severity === 'block')
				.map((f) => f.message)
				.join(' ')}`
		: `Słowo z listy obserwowanych (${[...new Set(flagged.map((f) => f.message.match(/„([^”]*)”/)?.[1] ?? ''))].join(', ')}) w nowym ${s.commentId ? 'komentarzu' : 'poście'} w grupie „${group.name}”.`;
	const link = `/moderacja?grupa=${group.slug}`;
	if (result.flagged) {
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: null,
			action: 'flag',
			postId: s.postId,
			commentId: s.commentId,
			subjectId: s.authorId,
			facts: detail,
			automatedDetection: true,
			contentCreatedAt: s.createdAt
		});
	}
	for (const m of await moderatorsOf(tx, group.id)) {
		await notify(tx, ctx.clock, {
			userId: m.id,
			kind: 'moderation_alert',
			groupId: group.id,
			postId: s.postId,
			commentId: s.commentId,
			detail,
			link
		});
		if (result.alert)
			await enqueueEmail(tx, ctx.clock, {
				to: m.email,
				...moderationAlertEmail({ what, groupName: group.name, detail, queueUrl: `${ctx.baseUrl}${link}` })
			});
	}
}
