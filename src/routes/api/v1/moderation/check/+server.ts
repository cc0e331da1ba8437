import { parseBody, reply } from '$lib/server/api/contract';
import { checkText as operation } from '$lib/server/api/moderation';
import { AppError } from '$lib/server/core/errors';
import { getGroupForReading } from '$lib/server/groups/groups';
import { groupAccess } from '$lib/server/access/group-access';
import { api } from '$lib/server/web/http';
import { screenFor } from '$lib/server/moderation/screen';
import type { RequestHandler } from './$types';

/** What the screening would decide for this text, author and group — before it is published. */
export const POST: RequestHandler = async ({ locals, request }) =>
	api(async () => {
		const input = await parseBody(operation, request);
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
		return reply(operation, 200, {
			decision: result.decision,
			summary,
			findings: result.findings.map(({ score: _score, ...f }) => f)
		});
	});
