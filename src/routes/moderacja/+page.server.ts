import { countPendingMemberships, getGroup } from '$lib/server/groups/groups';
import { page, formAction } from '$lib/server/web/http';
import { listQueue } from '$lib/server/moderation/queue';
import { clearFlag, decideComment, decidePost } from '$lib/server/moderation/content-decisions';
import { decideReports } from '$lib/server/moderation/reports';
import { imposeSanction, sanctionLabels } from '$lib/server/moderation/sanctions';
import { groundIds, grounds } from '$lib/server/moderation/terms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { group: chosen } = await parent();
	const { ctx, actor } = locals;
	const group = await getGroup(ctx.db, chosen.slug);
	const [queue, pendingMembers] = await page(() =>
		Promise.all([listQueue(ctx, actor, group), countPendingMemberships(ctx.db, group.id)])
	);
	return {
		queue,
		pendingMembers,
		grounds: groundIds.map((id) => ({ id, label: `${grounds[id].clause} — ${grounds[id].label}` })),
		sanctionKinds: Object.entries(sanctionLabels).map(([id, label]) => ({ id, label })),
		now: ctx.clock.now().toISOString()
	};
};

const target = (f: Record<string, string>) => (f.kind === 'comment' ? { commentId: f.id } : { postId: f.id });

export const actions: Actions = {
	decide: formAction(
		async (f, { locals }) => {
			const input = { decision: f.decision, ground: f.ground || null, reason: f.reason || null };
			if (f.kind === 'comment') await decideComment(locals.ctx, locals.actor, f.id, input);
			else await decidePost(locals.ctx, locals.actor, f.id, input);
			return {
				done: f.id,
				message:
					f.decision === 'approve'
						? 'Opublikowano.'
						: f.decision === 'ask_edit'
							? 'Autor dostał prośbę o poprawki.'
							: 'Odrzucono. Autor dostał uzasadnienie z możliwością odwołania.'
			};
		},
		(f) => ({ id: f.id, reason: f.reason, ground: f.ground })
	),
	reports: formAction(
		async (f, { locals }) => {
			await decideReports(locals.ctx, locals.actor, target(f), {
				outcome: f.outcome,
				ground: f.ground || null,
				reason: f.reason || null
			});
			return {
				done: f.id,
				message:
					f.outcome === 'remove'
						? 'Usunięto. Autor dostał uzasadnienie, zgłaszający — informację o decyzji.'
						: 'Treść zostaje. Zgłaszający dostali informację o decyzji.'
			};
		},
		(f) => ({ id: f.id, reason: f.reason, ground: f.ground })
	),
	reviewed: formAction(
		async (f, { locals }) => {
			await clearFlag(locals.ctx, locals.actor, target(f));
			return { done: f.id, message: 'Oznaczono jako przejrzane.' };
		},
		(f) => ({ id: f.id })
	),
	sanction: formAction(
		async (f, { locals }) => {
			const group = await getGroup(locals.ctx.db, f.group);
			await imposeSanction(locals.ctx, locals.actor, group, {
				userId: f.userId,
				kind: f.kind,
				days: f.days,
				ground: f.ground,
				reason: f.reason,
				// The queue item it is imposed for (its statement says how that content came up).
				...(f.itemKind === 'comment' ? { commentId: f.itemId } : f.itemKind === 'post' ? { postId: f.itemId } : {})
			});
			return { done: f.itemId, message: 'Sankcja nałożona. Osoba dostała uzasadnienie z możliwością odwołania.' };
		},
		(f) => ({ id: f.itemId, sanction: true, reason: f.reason, days: f.days })
	)
};
