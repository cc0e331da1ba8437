import type { Ctx } from '../core/context';
import { enqueueEmail } from '../notify/outbox';
import { packageState } from '../subscriptions/subscriptions';
import { monthLocative, monthName } from '../../format';
import { unitReportEmail } from './messages';
import { lastCompleteMonth, unitReport } from './unit-report';

/**
 * From the 1st of a month: the units' report for the month that ended goes to the coordinators of
 * every municipality whose package was active by then. `unit_reports_sent` makes it once per group
 * and month across instances and restarts; the mark and the e-mails share one transaction.
 * Returns how many e-mails were queued.
 */
export async function sendMonthlyUnitReports(ctx: Ctx): Promise<number> {
	const now = ctx.clock.now();
	const month = lastCompleteMonth(now);
	const monthStart = `${month}-01`;
	const groups = await ctx.db
		.selectFrom('groups as g')
		.select(['g.id', 'g.slug', 'g.municipality_code'])
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('unit_reports_sent as r')
						.select('r.group_id')
						.whereRef('r.group_id', '=', 'g.id')
						.where('r.month', '=', monthStart)
				)
			)
		)
		.execute();
	let queued = 0;
	for (const g of groups) {
		const state = await packageState(ctx, g.id);
		// The package must have started before the month ended.
		if (!state?.active || state.startsOn >= nextMonth(monthStart)) continue;
		const coordinators = await ctx.db
			.selectFrom('coordinators as c')
			.innerJoin('users as u', 'u.id', 'c.user_id')
			.select(['u.email', 'u.display_name'])
			.where('c.municipality_code', '=', g.municipality_code)
			.where('u.deleted_at', 'is', null)
			.execute();
		if (coordinators.length === 0) continue;
		const report = await unitReport(ctx, g.slug, month);
		const last = report.months.length - 1;
		const mail = (name: string) =>
			unitReportEmail({
				name,
				municipality: report.municipality,
				groupName: report.group.name,
				month: monthName(month),
				inMonth: monthLocative(month),
				units: report.units.map((u) => ({ name: u.name, ...u.months[last] })),
				pdfUrl: `${ctx.baseUrl}/pliki/raport-jednostek/${report.group.slug}.pdf?miesiac=${report.month}`,
				csvUrl: `${ctx.baseUrl}/pliki/raport-jednostek/${report.group.slug}.csv?miesiac=${report.month}`
			});
		queued += await ctx.db.transaction().execute(async (tx) => {
			const mark = await tx
				.insertInto('unit_reports_sent')
				.values({ group_id: g.id, month: monthStart, sent_at: now })
				.onConflict((oc) => oc.doNothing())
				.returning('group_id')
				.executeTakeFirst();
			if (!mark) return 0;
			for (const c of coordinators) await enqueueEmail(tx, ctx.clock, { to: c.email, ...mail(c.display_name) });
			return coordinators.length;
		});
	}
	return queued;
}

const nextMonth = (first: string) => {
	const [y, m] = first.split('-').map(Number);
	return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};
