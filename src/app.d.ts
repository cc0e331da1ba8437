import type { Actor, Ctx } from '$lib/server/context';
import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Locals {
			rt: Runtime;
			ctx: Ctx;
			actor: Actor | null;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
