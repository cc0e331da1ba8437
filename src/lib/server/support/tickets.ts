import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import type { TicketKind, TicketStatus } from '../db/schema';
import { emailSchema, parseInput, isId, idSchema } from '../core/validation';
import { AppError, notFound } from '../core/errors';
import { assertOperator } from '../access/actor';
import { groupAccess } from '../access/group-access';
import { decidePost } from '../moderation/content-decisions';
import { notify } from '../notify/notifications';
import { hitLimits, withinLimit } from '../limits/rate-limit';
import { limits } from '../limits/rules';
import { enqueueEmail, enqueueSms } from '../notify/outbox';
import { normalizePhone } from '../text/phone';
import { formatDateTime } from '../../format';

/** An urgent ticket not acknowledged within this time pages the backup. */
export const ESCALATE_AFTER_MS = 15 * 60_000;

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

export interface OnCall {
	shiftId: string;
	primaryPhone: string;
	backupPhone: string;
	primaryEmail: string;
}

/** Who is on duty at this instant (the shift that started last, if several overlap). */
export async function onCallAt(db: Db, at: Date): Promise<OnCall | null> {
	const s = await db
		.selectFrom('oncall_shifts as s')
		.innerJoin('users as p', 'p.id', 's.primary_id')
		.select(['s.id', 's.primary_phone', 's.backup_phone', 'p.email'])
		.where('s.starts_at', '<=', at)
		.where('s.ends_at', '>', at)
		.orderBy('s.starts_at', 'desc')
		.executeTakeFirst();
	return s
		? { shiftId: s.id, primaryPhone: s.primary_phone, backupPhone: s.backup_phone, primaryEmail: s.email }
		: null;
}

/** "+48600100200" → "+48 600 100 200", as people read it. */
export const formatPhone = (e164: string) =>
	e164.startsWith('+48') && e164.length === 12 ? `+48 ${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}` : e164;

/** The on-call administrator's number, for staff (operators) only: requesters are called back, they do not call. */
export async function onCallPhoneFor(ctx: Ctx, actor: Actor | null): Promise<string | null> {
	if (!actor?.isOperator) return null;
	const onCall = await onCallAt(ctx.db, ctx.clock.now());
	return onCall ? formatPhone(onCall.primaryPhone) : null;
}

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
		const mine =
			post.author_id === actor!.id ||
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
				text: `${priority === 'urgent' ? 'PILNE' : 'Nowe'} zgłoszenie #${t.id} (${label}): ${link}`
			});
		}
		if (priority === 'normal' || !onCall) {
			await enqueueEmail(tx, ctx.clock, {
				to: ctx.supportEmail ?? 'pomoc@tablica.local',
				subject: `Zgłoszenie #${t.id}: ${label}${priority === 'urgent' ? ' (PILNE)' : ''}`,
				text: `${name} <${email}>${data.phone ? `, tel. ${data.phone}` : ''}\n\n${data.body}\n\n${link}`
			});
		}
		await enqueueEmail(tx, ctx.clock, {
			to: email,
			subject: `Przyjęliśmy zgłoszenie #${t.id}`,
			text: `Dzień dobry,\n\nprzyjęliśmy Twoje zgłoszenie #${t.id} (${label}).${priority === 'urgent' && onCall ? ' Dyżurny administrator dostał już SMS i zajmie się sprawą jak najszybciej.' : ' Odpowiemy e-mailem.'}\n\nWątek zgłoszenia: ${link}\n\nZespół Tablicy`
		});
		return {
			id: t.id,
			kind: data.kind,
			priority,
			status: t.status,
			createdAt: now.toISOString(),
			onCallPhone: priority === 'urgent' && onCall && actor?.isOperator ? formatPhone(onCall.primaryPhone) : null
		};
	});
}

/** The job: urgent tickets nobody acknowledged in 15 minutes page the backup, once. */
export async function pageBackups(ctx: Ctx): Promise<number> {
	const now = ctx.clock.now();
	return ctx.db.transaction().execute(async (tx) => {
		const due = await tx
			.updateTable('tickets as t')
			.set({ backup_paged_at: now })
			.from('oncall_shifts as s')
			.whereRef('s.id', '=', 't.oncall_shift_id')
			.where('t.priority', '=', 'urgent')
			.where('t.acknowledged_at', 'is', null)
			.where('t.backup_paged_at', 'is', null)
			.where('t.status', '!=', 'resolved')
			.where('t.created_at', '<=', new Date(now.getTime() - ESCALATE_AFTER_MS))
			.returning(['t.id', 's.backup_phone'])
			.execute();
		for (const t of due)
			await enqueueSms(tx, ctx.clock, {
				to: t.backup_phone,
				text: `PILNE: zgłoszenie #${t.id} czeka od 15 minut bez potwierdzenia dyżurnego: ${ctx.baseUrl}/pomoc/${t.id}`
			});
		return due.length;
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

async function loadTicket(ctx: Ctx, actor: Actor | null, id: string) {
	if (!actor) throw new AppError('unauthenticated', 'Zaloguj się, aby zobaczyć zgłoszenie.');
	if (!isId(id)) throw notFound('Nie ma takiego zgłoszenia.');
	const t = await ctx.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
	if (!t) throw notFound('Nie ma takiego zgłoszenia.');
	if (!actor.isOperator && t.requester_id !== actor.id)
		throw new AppError('forbidden', 'To zgłoszenie widzi osoba, która je wysłała, i administratorzy.');
	return t;
}

export async function getTicket(ctx: Ctx, actor: Actor | null, id: string): Promise<TicketView> {
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
		staff: actor!.isOperator
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
	const t = await loadTicket(ctx, actor, id);
	const data = parseInput(replySchema, input);
	const staff = actor!.isOperator;
	const now = ctx.clock.now();
	await ctx.db.transaction().execute(async (tx) => {
		const message = await tx
			.insertInto('ticket_messages')
			.values({
				ticket_id: id,
				author_id: actor!.id,
				author_name: staff ? `${actor!.displayName} (administrator)` : actor!.displayName,
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
				subject: `Odpowiedź w zgłoszeniu #${id}`,
				text: `Dzień dobry,\n\n${data.body}\n\nStan zgłoszenia: ${statusLabels[status]}. Wątek: ${ctx.baseUrl}/pomoc/${id}\n\nZespół Tablicy`
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
		const text = `Post ze zgłoszenia #${id} został opublikowany ${formatDateTime(now)}. Przepraszamy za zatrzymanie.`;
		await tx
			.insertInto('ticket_messages')
			.values({
				ticket_id: id,
				author_id: actor.id,
				author_name: `${actor.displayName} (administrator)`,
				from_staff: true,
				body: text,
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
			await notify(tx, ctx.clock, { userId: t.requester_id, kind: 'post_approved', postId: t.post_id!, detail: text });
		await enqueueEmail(tx, ctx.clock, {
			to: t.requester_email,
			subject: `Twój post jest opublikowany (zgłoszenie #${id})`,
			text: `Dzień dobry,\n\n${text}\n\n${ctx.baseUrl}/pomoc/${id}\n\nZespół Tablicy`
		});
		if (t.requester_phone) await enqueueSms(tx, ctx.clock, { to: t.requester_phone, text: `Tablica: ${text}` });
	});
}

export const shiftSchema = z.object({
	startsAt: z.date({ error: 'Podaj początek dyżuru.' }),
	endsAt: z.date({ error: 'Podaj koniec dyżuru.' }),
	primaryEmail: emailSchema,
	primaryPhone: z
		.string()
		.trim()
		.transform(
			(v, c) =>
				normalizePhone(v) ??
				(c.addIssue({ code: 'custom', message: 'Podaj numer dyżurnego, np. 600 100 200.' }), z.NEVER)
		),
	backupEmail: emailSchema,
	backupPhone: z
		.string()
		.trim()
		.transform(
			(v, c) =>
				normalizePhone(v) ??
				(c.addIssue({ code: 'custom', message: 'Podaj numer zastępcy, np. 600 100 201.' }), z.NEVER)
		)
});

/** The operator puts administrators on duty, each shift with a backup. */
export async function addShift(ctx: Ctx, actor: Actor | null, input: unknown): Promise<string> {
	assertOperator(actor);
	const data = parseInput(shiftSchema, input);
	if (data.endsAt <= data.startsAt)
		throw new AppError('validation', 'Dyżur musi się skończyć po tym, jak się zacznie.', {
			endsAt: 'Koniec po początku.'
		});
	const staff = async (email: string, field: string) => {
		const u = await ctx.db
			.selectFrom('users')
			.select(['id', 'is_operator'])
			.where((eb) => eb(eb.fn('lower', ['email']), '=', email))
			.where('deleted_at', 'is', null)
			.executeTakeFirst();
		if (!u?.is_operator)
			throw new AppError('validation', 'Dyżur pełni administrator (konto operatora).', {
				[field]: 'To nie jest konto administratora.'
			});
		return u.id;
	};
	const primary = await staff(data.primaryEmail, 'primaryEmail');
	const backup = await staff(data.backupEmail, 'backupEmail');
	if (primary === backup)
		throw new AppError('validation', 'Zastępca musi być inną osobą niż dyżurny.', {
			backupEmail: 'Wybierz inną osobę.'
		});
	const row = await ctx.db
		.insertInto('oncall_shifts')
		.values({
			starts_at: data.startsAt,
			ends_at: data.endsAt,
			primary_id: primary,
			primary_phone: data.primaryPhone,
			backup_id: backup,
			backup_phone: data.backupPhone,
			created_at: ctx.clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** An attachment already written to the media folder. */
export interface StoredAttachment {
	fileName: string;
	originalName: string;
	contentType: string;
	size: number;
}

async function attach(tx: Db, messageId: string, files: StoredAttachment[]): Promise<void> {
	if (files.length)
		await tx
			.insertInto('ticket_attachments')
			.values(
				files.map((f) => ({
					message_id: messageId,
					file_name: f.fileName,
					original_name: f.originalName.slice(0, 200),
					content_type: f.contentType,
					size: f.size
				}))
			)
			.execute();
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

/** What a file really is, by its first bytes (never by its name): JPEG, PNG, WebP, PDF. */
export function sniffAttachment(bytes: Uint8Array): { type: string; ext: string } | null {
	const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts(0xff, 0xd8, 0xff)) return { type: 'image/jpeg', ext: 'jpg' };
	if (starts(0x89, 0x50, 0x4e, 0x47)) return { type: 'image/png', ext: 'png' };
	if (
		starts(0x52, 0x49, 0x46, 0x46) &&
		bytes[8] === 0x57 &&
		bytes[9] === 0x45 &&
		bytes[10] === 0x42 &&
		bytes[11] === 0x50
	)
		return { type: 'image/webp', ext: 'webp' };
	if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return { type: 'application/pdf', ext: 'pdf' };
	return null;
}

/** Checks uploads before anything is stored: size, count and kind. */
export function checkUploads(files: Upload[]): { upload: Upload; type: string; ext: string }[] {
	if (files.length > MAX_ATTACHMENTS)
		throw new AppError('validation', `Możesz dołączyć najwyżej ${MAX_ATTACHMENTS} plików.`, {
			files: `Najwyżej ${MAX_ATTACHMENTS} plików.`
		});
	return files.map((f) => {
		if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES)
			throw new AppError('payload_too_large', `Plik „${f.name}” jest za duży: najwyżej 10 MB.`, {
				files: 'Najwyżej 10 MB na plik.'
			});
		const kind = sniffAttachment(f.bytes);
		if (!kind)
			throw new AppError('unsupported_media', `Plik „${f.name}” nie jest zdjęciem (JPEG, PNG, WebP) ani PDF-em.`, {
				files: 'Tylko zdjęcia i PDF.'
			});
		return { upload: f, ...kind };
	});
}

/** Files of a ticket's messages, by message. */
export async function attachmentsOf(db: Db, ticketId: string) {
	return db
		.selectFrom('ticket_attachments as a')
		.innerJoin('ticket_messages as m', 'm.id', 'a.message_id')
		.select(['a.message_id', 'a.file_name', 'a.original_name', 'a.content_type', 'a.size'])
		.where('m.ticket_id', '=', ticketId)
		.orderBy('a.id')
		.execute();
}

/** A file of a ticket, for the requester and the administrators only. */
export async function getAttachment(ctx: Ctx, actor: Actor | null, ticketId: string, fileName: string) {
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
