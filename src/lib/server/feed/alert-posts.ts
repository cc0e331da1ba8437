import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { AlertCounts } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { can } from '../access/policy';
import { authorizeOnPost } from '../access/post-access';
import { fanOutToRecipients } from '../alerts/send';
import { allClearMessage } from '../alerts/messages';

export const allClearSchema = z
	.string({ error: 'Napisz treść odwołania.' })
	.trim()
	.min(3, 'Napisz treść odwołania (co najmniej 3 znaki).')
	.max(1000, 'Odwołanie może mieć najwyżej 1000 znaków.');

/**
 * The all-clear ("odwołanie"): the urgent post stops being on top, carries the all-clear text,
 * and everyone who got the alert is told the same way.
 */
export async function closeAlert(ctx: Ctx, actor: Actor | null, postId: string, text: unknown): Promise<AlertCounts> {
	const { group, access } = await authorizeOnPost(ctx, actor, postId, 'read');
	const message = parseInput(allClearSchema, text);
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const post = await tx
			.selectFrom('posts as p')
			.innerJoin('units as un', 'un.id', 'p.unit_id')
			.select([
				'p.unit_id',
				'p.alert_kind',
				'p.alert_title',
				'p.all_clear_at',
				'p.body',
				'p.urgent_until',
				'un.name as unit_name'
			])
			.where('p.id', '=', postId)
			.forUpdate('p')
			.executeTakeFirst();
		if (!post?.alert_kind) throw new AppError('conflict', 'Ten post nie jest komunikatem pilnym.');
		if (!access.units.some((u) => u.id === post.unit_id) && !can(access.role, 'moderate', group))
			throw new AppError('forbidden', 'Komunikat odwołuje jednostka, która go wysłała, albo moderator.');
		if (post.all_clear_at) throw new AppError('conflict', 'Ten komunikat został już odwołany.');
		await tx
			.updateTable('posts')
			.set({
				all_clear_at: now,
				all_clear_text: message,
				urgent_until: post.urgent_until && post.urgent_until > now ? now : post.urgent_until
			})
			.where('id', '=', postId)
			.execute();
		const settingsUrl = `${ctx.baseUrl}/g/${group.slug}/komunikaty`;
		const texts = allClearMessage({
			from: post.unit_name,
			groupName: group.name,
			allClear: message,
			title: post.alert_title ?? post.body.split('\n')[0],
			postUrl: `${ctx.baseUrl}/g/${group.slug}/p/${postId}`,
			settingsUrl
		});
		const sent = await fanOutToRecipients(ctx, tx, {
			groupId: group.id,
			postId,
			notificationKind: 'urgent_all_clear',
			settingsUrl,
			...texts
		});
		await ctx.notifier.publish(tx, { type: 'post', groupId: group.id, postId });
		return sent;
	});
}
