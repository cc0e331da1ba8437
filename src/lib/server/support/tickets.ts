import { onCallAt } from './on-call';
import { attachmentsOf, attach, type StoredAttachment } from './attachments';
import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { TicketKind, TicketStatus } from '../db/schema';
import { emailSchema, parseInput, isId, idSchema } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { assertOperator, assertOwnerOrOperator, assertSignedIn, isOperator } from '../access/actor';
import { groupAccess } from '../access/group-access';
import { decidePost } from '../moderation/content-decisions';
import { notify } from '../notify/notifications';
import { hitLimits, withinLimit } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { enqueueEmail, enqueueSms } from '../notify/outbox';
import { normalizePhone, formatPhone } from '../text/phone';
import { formatDateTime } from '../../format';
import { newTicketEmail, newTicketSms, postReleasedMessage, staffReplyEmail, ticketReceivedEmail } from './messages';

export const kindLabels: Record<TicketKind, string> = {
	wrongly_held_post: 'błędnie zatrzymany post',
	violation: 'naruszenie (hejt, mowa nienawiści, inne naruszenie regulaminu)',
	technical: 'problem techniczny',
	billing: 'rozliczenia i faktury',
	other: 'inna sprawa',
	advertising: 'reklama (firmy)',
	cooperation: 'współpraca (urzędy)',
	contact: 'kontakt z administratorami'
};
export const statusLabels: Record<TicketStatus, string> = {
	new: 'nowe',
	in_progress: 'w toku',
	waiting: 'czeka na odpowiedź',
	resolved: 'rozwiązane'
};

/**
 * The inbox a new ticket is e-mailed to: the contact form for municipalities to the
 * municipalities' address, the one for companies to the companies' address, the rest to support.
 */
export function inboxFor(ctx: Pick<Ctx, 'supportEmail' | 'contactInboxes'>, kind: TicketKind): string {
	if (kind === 'cooperation') return ctx.contactInboxes?.municipalities ?? 'jst@pl-media.pl';
	if (kind === 'advertising') return ctx.contactInboxes?.business ?? 'poczta@pl-media.pl';
	return ctx.supportEmail ?? 'pomoc@tablica.local';
}

const apiKinds = ['wrongly_held_post', 'violation', 'technical', 'billing', 'other'] as const;
const publicKinds = ['advertising', 'cooperation', 'contact'] as const;

const phoneField = z
	.string()
	.trim()
	.max(30)
	.transform((v, ctx) =>
		v === ''
			? null
			: (normalizePhone(v) ??
				(ctx.addIssue({ code: 'custom', message: 'Podaj numer telefonu, np. 600 700 800.' }), z.NEVER))
	)
	.nullish();

export const ticketSchema = z.object({
	kind: z.enum([...apiKinds, ...publicKinds], { error: 'Wybierz rodzaj sprawy.' }),
	priority: z.enum(['urgent', 'normal'], { error: 'Wybierz: pilne czy zwykłe.' }).default('normal'),
	body: z
		.string({ error: 'Opisz sprawę.' })
		.trim()
		.min(10, 'Opisz sprawę (co najmniej 10 znaków).')
		.max(5000, 'Opis może mieć najwyżej 5000 znaków.'),
	postId: idSchema('Nie ma takiego posta.').nullish(),
	phone: phoneField,
	// Public forms, without an account:
	name: z.string().trim().min(2, 'Podaj imię i nazwisko lub nazwę.').max(160).nullish(),
	email: emailSchema.nullish()
});

export interface CreatedTicket {
	id: string;
	kind: TicketKind;
	priority: 'urgent' | 'normal';
	status: TicketStatus;
	createdAt: string;
	/** For an urgent ticket sent by staff (an operator): the on-call administrator's number. */
	onCallPhone: string | null;
}

/**
 * A support ticket. Urgent (only from an account with a confirmed address): the on-call
 * administrator gets an SMS with the link. Normal: an e-mail to the support inbox and an SMS
 * notice to the on-call administrator (skipped past a limit per number). The requester gets an
 * acknowledgement e-mail. Limited per account, per client address and per requester's address.
 */
export async function createTicket(
	ctx: Ctx,
	actor: Actor | null,
	input: unknown,
	opts: { attachments?: StoredAttachment[]; ip?: string } = {}
): Promise<CreatedTicket> {
	const data = parseInput(ticketSchema, input);
	const isPublic = (publicKinds as readonly string[]).includes(data.kind);
	if (!actor && !isPublic)
		throw new AppError('unauthenticated', 'Zaloguj się, aby zgłosić sprawę — albo użyj formularza kontaktowego.');
	const name = actor?.displayName ?? data.name;
	const email = actor?.email ?? data.email;
	if (!name || !email)
		throw new AppError('validation', 'Podaj imię i nazwisko oraz adres e-mail, abyśmy mogli odpowiedzieć.', {
			...(name ? {} : { name: 'Podaj imię i nazwisko.' }),
			...(email ? {} : { email: 'Podaj adres e-mail.' })
		});
	let priority = data.priority;
	// Any ticket may name a post; one that does not exist is refused here, not by the foreign key.
	const post = data.postId
		? await ctx.db
				.selectFrom('posts')
				.select(['id', 'status', 'author_id', 'unit_id', 'group_id'])
				.where('id', '=', data.postId)
				.executeTakeFirst()
		: undefined;
	if (data.postId && !post) throw notFound('Nie ma takiego posta.');
	if (data.kind === 'wrongly_held_post') {
		if (!post) throw new AppError('validation', 'Wskaż zatrzymany post.', { postId: 'Wskaż post.' });
		const group = await ctx.db
			.selectFrom('groups')
			.selectAll()
			.where('id', '=', post.group_id)
			.executeTakeFirstOrThrow();
		assertSignedIn(actor);
		const mine =
			post.author_id === actor.id ||
			(post.unit_id !== null && (await groupAccess(ctx, actor, group)).units.some((u) => u.id === post.unit_id));
		if (!mine) throw new AppError('forbidden', 'Błędne zatrzymanie zgłasza autor posta albo zespół jednostki.');
		if (post.status !== 'pending') throw new AppError('conflict', 'Ten post nie jest zatrzymany.');
		// A publisher's post held by mistake is urgent by definition.
		priority = 'urgent';
	}
	// Urgent pages a person by SMS: only from someone whose address is known to be theirs.
	if (priority === 'urgent' && !actor?.emailVerified) {
		throw new AppError(
			'forbidden',
			'Pilne zgłoszenie może wysłać tylko osoba z potwierdzonym adresem e-mail. Potwierdź adres linkiem z wiadomości (albo wyślij go ponownie ze strony „Moje konto”) lub wyślij zgłoszenie jako zwykłe.',
			{ priority: 'Potwierdź adres e-mail, aby zgłosić sprawę pilną.' }
		);
	}
	const now = ctx.clock.now();
	const onCall = await onCallAt(ctx.db, now);
	const rules = [
		...(actor ? [limits.ticketsPerAccount(actor.id)] : []),
		...(opts.ip ? [limits.ticketsPerIp(opts.ip)] : []),
		limits.ticketsPerAddress(email)
	];
	if (priority === 'urgent' && actor) rules.push(limits.urgentTicketsPerAccount(actor.id));
	return ctx.db.transaction().execute(async (tx) => {
		await hitLimits(tx, ctx.clock, rules);
		const t = await tx
			.insertInto('tickets')
			.values({
				kind: data.kind,
				priority,
				requester_id: actor?.id ?? null,
				requester_name: name,
				requester_email: email,
				requester_phone: data.phone ?? null,
				post_id: data.postId ?? null,
				oncall_shift_id: onCall?.shiftId ?? null,
				created_at: now
			})
			.returning(['id', 'status'])
			.executeTakeFirstOrThrow();
		const message = await tx
			.insertInto('ticket_messages')
			.values({
				ticket_id: t.id,
				author_id: actor?.id ?? null,
				author_name: name,
				from_staff: false,
				body: data.body,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await attach(tx, message.id, opts.attachments ?? []);
		const link = `${ctx.baseUrl}/pomoc/${t.id}`;
		const label = kindLabels[data.kind];
		if (
			onCall &&
			(priority === 'urgent' || (await withinLimit(tx, ctx.clock, limits.ticketNoticesPerPhone(onCall.primaryPhone))))
		) {
			await enqueueSms(tx, ctx.clock, {
				to: onCall.primaryPhone,
				text: newTicketSms({ ticketId: t.id, kindLabel: label, urgent: priority === 'urgent', ticketUrl: link })
			});
		}
		if (priority === 'normal' || !onCall) {
			await enqueueEmail(tx, ctx.clock, {
				to: inboxFor(ctx, data.kind),
				...newTicketEmail({
					ticketId: t.id,
					kindLabel: label,
					urgent: priority === 'urgent',
					name,
					email,
					phone: data.phone,
					body: data.body,
					ticketUrl: link
				})
			});
		}
		await enqueueEmail(tx, ctx.clock, {
			to: email,
			...ticketReceivedEmail({
				ticketId: t.id,
				kindLabel: label,
				onCallPaged: priority === 'urgent' && !!onCall,
				ticketUrl: link
			})
		});
		return {
			id: t.id,
			kind: data.kind,
			priority,
			status: t.status,
			createdAt: now.toISOString(),
			onCallPhone: priority === 'urgent' && onCall && isOperator(actor) ? formatPhone(onCall.primaryPhone) : null
		};
	});
}

export interface TicketView {
	id: string;
	kind: TicketKind;
	kindLabel: string;
	priority: 'urgent' | 'normal';
	status: TicketStatus;
	statusLabel: string;
	requester: { name: string; email: string; phone: string | null };
	post: { id: string; groupSlug: string; status: string; excerpt: string } | null;
	createdAt: string;
	acknowledgedAt: string | null;
	backupPagedAt: string | null;
	/** Minutes from the ticket to the first staff reply, or so far. */
	responseMinutes: number | null;
	messages: {
		id: string;
		author: string;
		fromStaff: boolean;
		body: string;
		createdAt: string;
		files: { url: string; name: string; size: number }[];
	}[];
	staff: boolean;
}

export const SIGN_IN_TO_SEE = 'Zaloguj się, aby zobaczyć zgłoszenie.';

/** The ticket, for the person who sent it and the administrators (operators). */
export async function loadTicket(ctx: Ctx, actor: Actor, id: string) {
	if (!isId(id)) throw notFound('Nie ma takiego zgłoszenia.');
	const t = await ctx.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
	if (!t) throw notFound('Nie ma takiego zgłoszenia.');
	assertOwnerOrOperator(actor, t.requester_id, 'To zgłoszenie widzi osoba, która je wysłała, i administratorzy.');
	return t;
}

export async function getTicket(ctx: Ctx, actor: Actor | null, id: string): Promise<TicketView> {
	assertSignedIn(actor, SIGN_IN_TO_SEE);
	const t = await loadTicket(ctx, actor, id);
	const [messages, post, files] = await Promise.all([
		ctx.db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', id).orderBy('id').execute(),
		t.post_id
			? ctx.db
					.selectFrom('posts as p')
					.innerJoin('groups as g', 'g.id', 'p.group_id')
					.select(['p.id', 'p.status', 'p.body', 'g.slug'])
					.where('p.id', '=', t.post_id)
					.executeTakeFirst()
			: undefined,
		attachmentsOf(ctx.db, id)
	]);
	const until = t.first_response_at ?? ctx.clock.now();
	return {
		id: t.id,
		kind: t.kind,
		kindLabel: kindLabels[t.kind],
		priority: t.priority,
		status: t.status,
		statusLabel: statusLabels[t.status],
		requester: { name: t.requester_name, email: t.requester_email, phone: t.requester_phone },
		post: post ? { id: post.id, groupSlug: post.slug, status: post.status, excerpt: post.body.slice(0, 300) } : null,
		createdAt: t.created_at.toISOString(),
		acknowledgedAt: t.acknowledged_at?.toISOString() ?? null,
		backupPagedAt: t.backup_paged_at?.toISOString() ?? null,
		responseMinutes: Math.round((until.getTime() - t.created_at.getTime()) / 60_000),
		messages: messages.map((m) => ({
			id: m.id,
			author: m.author_name,
			fromStaff: m.from_staff,
			body: m.body,
			createdAt: m.created_at.toISOString(),
			files: files
				.filter((f) => f.message_id === m.id)
				.map((f) => ({ url: `/pomoc/${t.id}/zalacznik/${f.file_name}`, name: f.original_name, size: f.size }))
		})),
		staff: isOperator(actor)
	};
}

/** The on-call administrator confirms they have it: the backup is not paged. */
export async function acknowledgeTicket(ctx: Ctx, actor: Actor | null, id: string): Promise<void> {
	assertOperator(actor);
	await loadTicket(ctx, actor, id);
	await ctx.db
		.updateTable('tickets')
		.set({ acknowledged_at: ctx.clock.now(), acknowledged_by: actor.id, status: 'in_progress' })
		.where('id', '=', id)
		.where('acknowledged_at', 'is', null)
		.execute();
}

export const replySchema = z.object({
	body: z
		.string({ error: 'Napisz odpowiedź.' })
		.trim()
		.min(2, 'Napisz odpowiedź.')
		.max(5000, 'Odpowiedź może mieć najwyżej 5000 znaków.'),
	status: z.enum(['new', 'in_progress', 'waiting', 'resolved']).nullish()
});

/** A message in the thread; a staff reply is e-mailed to the requester and starts the clock's stop. */
export async function replyToTicket(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	input: unknown,
	attachments: StoredAttachment[] = []
): Promise<void> {
	assertSignedIn(actor, SIGN_IN_TO_SEE);
	const t = await loadTicket(ctx, actor, id);
	const data = parseInput(replySchema, input);
	const staff = isOperator(actor);
	const now = ctx.clock.now();
	await ctx.db.transaction().execute(async (tx) => {
		const message = await tx
			.insertInto('ticket_messages')
			.values({
				ticket_id: id,
				author_id: actor.id,
				author_name: staff ? `${actor.displayName} (administrator)` : actor.displayName,
				from_staff: staff,
				body: data.body,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await attach(tx, message.id, attachments);
		const status = staff ? (data.status ?? 'waiting') : t.status === 'resolved' ? 'in_progress' : t.status;
		await tx
			.updateTable('tickets')
			.set({
				status,
				first_response_at: staff ? (t.first_response_at ?? now) : t.first_response_at,
				acknowledged_at: staff ? (t.acknowledged_at ?? now) : t.acknowledged_at,
				resolved_at: status === 'resolved' ? now : null
			})
			.where('id', '=', id)
			.execute();
		if (staff)
			await enqueueEmail(tx, ctx.clock, {
				to: t.requester_email,
				...staffReplyEmail({
					ticketId: id,
					body: data.body,
					statusLabel: statusLabels[status],
					ticketUrl: `${ctx.baseUrl}/pomoc/${id}`
				})
			});
	});
}

/**
 * From a "wrongly held" ticket the administrator publishes the post in one click; the ticket is
 * resolved and the publisher told in the app, by e-mail and by SMS if they gave a number.
 */
export async function releaseFromTicket(ctx: Ctx, actor: Actor | null, id: string): Promise<void> {
	assertOperator(actor);
	const t = await loadTicket(ctx, actor, id);
	if (t.kind !== 'wrongly_held_post' || !t.post_id)
		throw new AppError('conflict', 'To zgłoszenie nie dotyczy zatrzymanego posta.');
	await decidePost(ctx, actor, t.post_id, { decision: 'approve' });
	const now = ctx.clock.now();
	await ctx.db.transaction().execute(async (tx) => {
		const message = postReleasedMessage({
			ticketId: id,
			publishedAt: formatDateTime(now),
			ticketUrl: `${ctx.baseUrl}/pomoc/${id}`
		});
		await tx
			.insertInto('ticket_messages')
			.values({
				ticket_id: id,
				author_id: actor.id,
				author_name: `${actor.displayName} (administrator)`,
				from_staff: true,
				body: message.note,
				created_at: now
			})
			.execute();
		await tx
			.updateTable('tickets')
			.set({
				status: 'resolved',
				resolved_at: now,
				first_response_at: t.first_response_at ?? now,
				acknowledged_at: t.acknowledged_at ?? now,
				acknowledged_by: t.acknowledged_by ?? actor.id
			})
			.where('id', '=', id)
			.execute();
		if (t.requester_id)
			await notify(tx, ctx.clock, {
				userId: t.requester_id,
				kind: 'post_approved',
				postId: t.post_id!,
				detail: message.note
			});
		await enqueueEmail(tx, ctx.clock, { to: t.requester_email, subject: message.subject, text: message.text });
		if (t.requester_phone) await enqueueSms(tx, ctx.clock, { to: t.requester_phone, text: message.sms });
	});
}

/** A file of a ticket, for the requester and the administrators only. */
export async function getAttachment(ctx: Ctx, actor: Actor | null, ticketId: string, fileName: string) {
	assertSignedIn(actor, SIGN_IN_TO_SEE);
	await loadTicket(ctx, actor, ticketId);
	const a = await ctx.db
		.selectFrom('ticket_attachments as a')
		.innerJoin('ticket_messages as m', 'm.id', 'a.message_id')
		.select(['a.file_name', 'a.original_name', 'a.content_type'])
		.where('m.ticket_id', '=', ticketId)
		.where('a.file_name', '=', fileName)
		.executeTakeFirst();
	if (!a) throw notFound('Nie ma takiego załącznika.');
	return a;
}
