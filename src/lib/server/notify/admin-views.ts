import type { Actor, Ctx } from '../core/context';
import { assertOperator } from '../access/actor';
import { retryMessage } from './delivery';
import { listOutbox } from './outbox';

const statuses = ['pending', 'sent', 'failed', 'dead', 'skipped'] as const;

/**
 * The operator's outbox (`/admin/poczta`): the last 100 messages, by recipient and state.
 * Contents are shown in demo mode only; in production the operator sees state and errors.
 */
export async function outboxForOperator(
	ctx: Pick<Ctx, 'db'>,
	actor: Actor | null,
	filter: { recipient: string | null; status: string | null },
	demo: boolean
) {
	assertOperator(actor, 'Tylko operator ma dostęp do skrzynki nadawczej.');
	const recipient = filter.recipient?.trim() || undefined;
	const status = statuses.find((s) => s === filter.status);
	const messages = await listOutbox(ctx.db, { limit: 100, recipient, status });
	return {
		recipient: recipient ?? '',
		status: status ?? '',
		demo,
		messages: messages.map((m) => ({
			id: m.id,
			channel: m.channel,
			recipient: m.recipient,
			subject: m.subject,
			body: demo ? m.body_text : null,
			status: m.status,
			attempts: m.attempts,
			lastError: m.last_error,
			createdAt: m.created_at.toISOString(),
			sentAt: m.sent_at?.toISOString() ?? null
		}))
	};
}

/** The operator sends a failed or dead message again; the id when it was one, else null. */
export async function retryOutboxMessage(ctx: Pick<Ctx, 'db'>, actor: Actor | null, id: string) {
	assertOperator(actor, 'Tylko operator może ponawiać wysyłkę.');
	return (await retryMessage(ctx.db, id)) ? id : null;
}
