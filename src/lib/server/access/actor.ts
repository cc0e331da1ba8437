import type { Actor } from '../core/context';
import { AppError, SIGN_IN, unauthenticated } from '../core/errors';

/** A signed-in person acting as the operator. */
export type Operator = Actor & { isOperator: true };

/** Someone signed in; `unauthenticated` otherwise. */
export function assertSignedIn(actor: Actor | null, refusal = SIGN_IN): asserts actor is Actor {
	if (!actor) throw unauthenticated(refusal);
}

/** Operator-only actions outside any group. */
export function assertOperator(
	actor: Actor | null,
	refusal = 'Tylko operator może to zrobić.'
): asserts actor is Operator {
	assertSignedIn(actor);
	if (!actor.isOperator) throw new AppError('forbidden', refusal);
}

/** Is this person the operator? For choices of what to show; refusals go through `assertOperator`. */
export function isOperator(actor: Actor | null): actor is Operator {
	return actor?.isOperator === true;
}

/** The person a thing belongs to (`ownerId`), or the operator. */
export function assertOwnerOrOperator(
	actor: Actor | null,
	ownerId: string | null,
	refusal: string
): asserts actor is Actor {
	assertSignedIn(actor);
	if (!actor.isOperator && ownerId !== actor.id) throw new AppError('forbidden', refusal);
}
