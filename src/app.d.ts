import type { Actor, Ctx } from '$lib/server/core/context';
import type { Runtime } from '$lib/server/web/runtime';

declare global {
	namespace App {
		interface Locals {
			rt: Runtime;
			ctx: Ctx;
			/** For public, read-only pages: the read replica's, unless the person has just written (hooks). */
			readCtx: Ctx;
			actor: Actor | null;
			sessionToken: string | null;
			/** The client's address: the peer, or from X-Forwarded-For when the peer is a trusted proxy. */
			clientIp: string;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
