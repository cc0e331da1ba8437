import type { Ctx } from '../core/context';

/**
 * Where a request reads public data: the replica (when there is one), except for someone who has
 * just written, who reads the primary for a few seconds so their own change is there.
 */
export function readCtxFor(rt: { ctx: Ctx; readCtx: Ctx }, actorId: string | undefined): Ctx {
	return actorId && rt.ctx.feedRows?.justWrote(actorId) ? rt.ctx : rt.readCtx;
}
