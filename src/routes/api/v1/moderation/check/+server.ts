import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { parseInput, isId } from '$lib/server/core/validation';
import { AppError } from '$lib/server/core/errors';
import { getGroupForReading } from '$lib/server/groups/groups';
import { groupAccess } from '$lib/server/access/group-access';
import { api } from '$lib/server/web/http';
import { screenFor } from '$lib/server/moderation/screen';
import type { RequestHandler } from './$types';

const body = z.object({
	text: z.string({ error: 'Podaj tekst do sprawdzenia.' }).max(10_000, 'Tekst może mieć najwyżej 10 000 znaków.'),
	group: z.string({ error: 'Podaj adres grupy.' }),
	as: z.string().refine(isId).nullish(),
	kind: z.enum(['post', 'comment']).default('post')
});

/** What the screening would decide for this text, author and group — before it is published. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		const input = parseInput(body, await request.json().catch(() => null));
		const { group } = await getGroupForReading(locals.ctx.db, input.group);
		const access = await groupAccess(locals.ctx, locals.actor, group);
		const unit = input.as ? access.units.find((u) => u.id === input.as) : undefined;
		if (input.as && !unit) throw new AppError('forbidden', 'Nie możesz publikować w imieniu tej jednostki.');
		const role =
			access.role === 'anonymous' || access.role === 'user' || access.role === 'pending' ? 'member' : access.role;
		const result = await screenFor(locals.ctx, locals.ctx.db, input.kind, input.text, group, { ...access, role }, unit);
		const summary =
			result.decision === 'publish'
				? input.kind === 'post'
					? 'Ten post zostanie opublikowany od razu.'
					: 'Ten komentarz zostanie opublikowany od razu.'
				: `${input.kind === 'post' ? 'Ten post' : 'Ten komentarz'} trafi do akceptacji moderatora. ${result.reasons.join(' ')}`;
		// The model's probability is for moderators, not for the author typing.
		return json({ decision: result.decision, summary, findings: result.findings.map(({ score: _score, ...f }) => f) });
	});
