import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { AlertCounts } from '../db/schema';
import { AppError } from '../core/errors';
import { parseInput } from '../core/validation';
import { can } from '../access/policy';
import { authorizeOnPost } from '../access/post-access';
import { recordAlertUpdate, recordAllClear } from '../alerts/follow-up';

export const allClearSchema = z
	.string({ error: 'Napisz treść odwołania.' })
	.trim()
	.min(3, 'Napisz treść odwołania (co najmniej 3 znaki).')
	.max(1000, 'Odwołanie może mieć najwyżej 1000 znaków.');

export const alertUpdateSchema = z
	.string({ error: 'Napisz treść aktualizacji.' })
	.trim()
	.min(3, 'Napisz treść aktualizacji (co najmniej 3 znaki).')
	.max(1000, 'Aktualizacja może mieć najwyżej 1000 znaków.');

type PostAccess = Awaited<ReturnType<typeof authorizeOnPost>>;

/**
 * The alert, locked for the change, once the actor is known to manage it: the unit that sent it,
 * or a moderator (an IMGW-PIB warning has no unit: moderators and the coordinator manage it).
 */
async function lockAlert(tx: Db, on: PostAccess, postId: string, doing: string) {
	const { group, access } = on;
	const post = await tx
		.selectFrom('posts as p')
		.innerJoin('users as au', 'au.id', 'p.author_id')
		.leftJoin('units as un', 'un.id', 'p.unit_id')
		.select(['p.unit_id', 'p.alert_kind', 'p.alert_title', 'p.all_clear_at', 'p.body', 'p.urgent_until'])
		.select((eb) => eb.fn.coalesce('un.name', 'au.display_name').as('from'))
		.where('p.id', '=', postId)
		.forUpdate('p')
		.executeTakeFirst();
	if (!post?.alert_kind) throw new AppError('conflict', 'Ten post nie jest komunikatem pilnym.');
	if (!access.units.some((u) => u.id === post.unit_id) && !can(access.role, 'moderate', group))
		throw new AppError('forbidden', `Komunikat ${doing} jednostka, która go wysłała, albo moderator.`);
	if (post.all_clear_at) throw new AppError('conflict', 'Ten komunikat został już odwołany.');
	return {
		group,
		postId,
		from: post.from,
		title: post.alert_title ?? post.body.split('\n')[0],
		urgentUntil: post.urgent_until
	};
}

/** The all-clear ("odwołanie") of an urgent post, by its unit or a moderator. */
export async function closeAlert(ctx: Ctx, actor: Actor | null, postId: string, text: unknown): Promise<AlertCounts> {
	const on = await authorizeOnPost(ctx, actor, postId, 'read');
	const message = parseInput(allClearSchema, text);
	return ctx.db.transaction().execute(async (tx) => {
		const alert = await lockAlert(tx, on, postId, 'odwołuje');
		return recordAllClear(ctx, tx, { ...alert, text: message });
	});
}

/** An update ("aktualizacja") of an urgent post, to exactly the people who got it. */
export async function updateAlert(ctx: Ctx, actor: Actor | null, postId: string, text: unknown): Promise<AlertCounts> {
	const on = await authorizeOnPost(ctx, actor, postId, 'read');
	const message = parseInput(alertUpdateSchema, text);
	return ctx.db.transaction().execute(async (tx) => {
		const alert = await lockAlert(tx, on, postId, 'aktualizuje');
		return recordAlertUpdate(ctx, tx, { ...alert, text: message, by: actor!.id });
	});
}
