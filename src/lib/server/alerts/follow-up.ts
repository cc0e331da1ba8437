import type { Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { AlertCounts, Group } from '../db/schema';
import { alertUpdateMessage, allClearMessage } from './messages';
import { fanOutToRecipients } from './send';

interface FollowUp {
	group: Group;
	postId: string;
	/** Who sends it, as people read it. */
	from: string;
	/** The alert's title. */
	title: string;
	text: string;
}

const links = (ctx: Ctx, f: FollowUp) => ({
	postUrl: `${ctx.baseUrl}/g/${f.group.slug}/p/${f.postId}`,
	settingsUrl: `${ctx.baseUrl}/g/${f.group.slug}/komunikaty`
});

/**
 * An update ("aktualizacja") of an alert, in the caller's transaction: kept under the post and told
 * to exactly the people who got the alert. A new validity (a changed IMGW warning) moves the end.
 */
export async function recordAlertUpdate(
	ctx: Ctx,
	tx: Db,
	u: FollowUp & { by: string | null; until?: Date }
): Promise<AlertCounts> {
	const now = ctx.clock.now();
	await tx
		.insertInto('alert_updates')
		.values({ post_id: u.postId, body: u.text, created_by: u.by, created_at: now })
		.execute();
	if (u.until) await tx.updateTable('posts').set({ urgent_until: u.until }).where('id', '=', u.postId).execute();
	const { postUrl, settingsUrl } = links(ctx, u);
	const sent = await fanOutToRecipients(ctx, tx, {
		groupId: u.group.id,
		postId: u.postId,
		notificationKind: 'urgent_update',
		settingsUrl,
		...alertUpdateMessage({
			from: u.from,
			groupName: u.group.name,
			title: u.title,
			update: u.text,
			postUrl,
			settingsUrl
		})
	});
	await ctx.notifier.publish(tx, { type: 'post', groupId: u.group.id, postId: u.postId });
	return sent;
}

/**
 * The all-clear ("odwołanie"), in the caller's transaction: the post stops being on top, carries
 * the all-clear text, and everyone who got the alert is told the same way.
 */
export async function recordAllClear(
	ctx: Ctx,
	tx: Db,
	c: FollowUp & { urgentUntil: Date | null }
): Promise<AlertCounts> {
	const now = ctx.clock.now();
	await tx
		.updateTable('posts')
		.set({
			all_clear_at: now,
			all_clear_text: c.text,
			urgent_until: c.urgentUntil && c.urgentUntil > now ? now : c.urgentUntil
		})
		.where('id', '=', c.postId)
		.execute();
	const { postUrl, settingsUrl } = links(ctx, c);
	const sent = await fanOutToRecipients(ctx, tx, {
		groupId: c.group.id,
		postId: c.postId,
		notificationKind: 'urgent_all_clear',
		settingsUrl,
		...allClearMessage({
			from: c.from,
			groupName: c.group.name,
			allClear: c.text,
			title: c.title,
			postUrl,
			settingsUrl
		})
	});
	await ctx.notifier.publish(tx, { type: 'post', groupId: c.group.id, postId: c.postId });
	return sent;
}
