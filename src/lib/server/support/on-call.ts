import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import type { Db } from '../db/database';
import { emailSchema, parseInput } from '../core/validation';
import { AppError } from '../core/errors';
import { assertOperator, isOperator } from '../access/actor';
import { enqueueSms } from '../notify/outbox';
import { normalizePhone, formatPhone } from '../text/phone';
import { backupPageSms } from './messages';

/** An urgent ticket not acknowledged within this time pages the backup. */
export const ESCALATE_AFTER_MS = 15 * 60_000;

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

/** The on-call administrator's number, for staff (operators) only: requesters are called back, they do not call. */
export async function onCallPhoneFor(ctx: Ctx, actor: Actor | null): Promise<string | null> {
	if (!isOperator(actor)) return null;
	const onCall = await onCallAt(ctx.db, ctx.clock.now());
	return onCall ? formatPhone(onCall.primaryPhone) : null;
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
				text: backupPageSms({
					ticketId: t.id,
					waitedMinutes: ESCALATE_AFTER_MS / 60_000,
					ticketUrl: `${ctx.baseUrl}/pomoc/${t.id}`
				})
			});
		return due.length;
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
