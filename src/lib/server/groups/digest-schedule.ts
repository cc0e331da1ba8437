import { z } from 'zod';
import type { Actor, Ctx } from '../core/context';
import { parseInput } from '../core/validation';
import type { Group } from '../db/schema';
import { authorizeInGroup } from '../access/group-access';
import { logAction } from '../audit/audit-log';
import { forgetGroupForReading } from './groups';

/** Weekdays as cron counts them (0 Sunday … 6 Saturday), in the order a Polish week is read. */
export const digestWeekdays = [
	{ id: 1, label: 'poniedziałek' },
	{ id: 2, label: 'wtorek' },
	{ id: 3, label: 'środa' },
	{ id: 4, label: 'czwartek' },
	{ id: 5, label: 'piątek' },
	{ id: 6, label: 'sobota' },
	{ id: 0, label: 'niedziela' }
] as const;

const scheduleSchema = z.object({
	weekday: z.coerce
		.number({ error: 'Wybierz dzień tygodnia.' })
		.int('Wybierz dzień tygodnia.')
		.min(0, 'Wybierz dzień tygodnia.')
		.max(6, 'Wybierz dzień tygodnia.'),
	hour: z.coerce
		.number({ error: 'Wybierz godzinę.' })
		.int('Wybierz pełną godzinę.')
		.min(0, 'Wybierz godzinę od 0 do 23.')
		.max(23, 'Wybierz godzinę od 0 do 23.')
});

/** When the group's weekly digest "Tydzień w gminie" goes out (Warsaw time); the group's moderators choose. */
export async function updateDigestSchedule(ctx: Ctx, actor: Actor | null, group: Group, input: unknown): Promise<void> {
	const { actor: moderator } = await authorizeInGroup(ctx, actor, group, 'moderate');
	const data = parseInput(scheduleSchema, input);
	const day = digestWeekdays.find((d) => d.id === data.weekday)!.label;
	await ctx.db.transaction().execute(async (tx) => {
		await tx
			.updateTable('groups')
			.set({ digest_weekday: data.weekday, digest_hour: data.hour })
			.where('id', '=', group.id)
			.execute();
		forgetGroupForReading(group.slug);
		await logAction(tx, ctx.clock, {
			groupId: group.id,
			actorId: moderator.id,
			action: 'settings_changed',
			facts: `E-mail „Tydzień w gminie”: ${day}, ${data.hour}:00.`
		});
	});
}
