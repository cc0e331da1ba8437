import type { Ctx } from '../core/context';
import { enqueueEmail } from '../notify/outbox';
import { packageState } from '../subscriptions/subscriptions';
import { countLabel, formatNumber, monthName } from '../../format';
import { formatMinutes, lastCompleteMonth, unitReport } from './unit-report';

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
		const text = reportEmail(ctx.baseUrl, report);
		queued += await ctx.db.transaction().execute(async (tx) => {
			const mark = await tx
				.insertInto('unit_reports_sent')
				.values({ group_id: g.id, month: monthStart, sent_at: now })
				.onConflict((oc) => oc.doNothing())
				.returning('group_id')
				.executeTakeFirst();
			if (!mark) return 0;
			for (const c of coordinators)
				await enqueueEmail(tx, ctx.clock, {
					to: c.email,
					subject: `Raport aktywności jednostek gminy ${report.municipality} – ${monthName(month)}`,
					text: `Dzień dobry ${c.display_name},\n\n${text}`
				});
			return coordinators.length;
		});
	}
	return queued;
}

const nextMonth = (first: string) => {
	const [y, m] = first.split('-').map(Number);
	return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};

function reportEmail(baseUrl: string, r: Awaited<ReturnType<typeof unitReport>>): string {
	const last = r.months.length - 1;
	const active = r.units.filter((u) => u.months[last].posts > 0);
	const lines = active.map((u) => {
		const m = u.months[last];
		return `- ${u.name}: ${countLabel(m.posts, 'post', 'posty', 'postów')}, ${countLabel(m.views, 'wyświetlenie', 'wyświetlenia', 'wyświetleń')}, ${countLabel(m.reactions, 'reakcja', 'reakcje', 'reakcji')}, ${countLabel(m.comments, 'komentarz', 'komentarze', 'komentarzy')}; pytania mieszkańców: ${formatNumber(m.questions)}, z odpowiedzią: ${formatNumber(m.answered)}, mediana czasu odpowiedzi: ${formatMinutes(m.medianReplyMinutes)}`;
	});
	const totalPosts = active.reduce((s, u) => s + u.months[last].posts, 0);
	const totalViews = active.reduce((s, u) => s + u.months[last].views, 0);
	return [
		`w miesiącu ${monthName(r.month)} jednostki gminy ${r.municipality} opublikowały w grupie „${r.group.name}” ${countLabel(totalPosts, 'post', 'posty', 'postów')}, które wyświetlono łącznie ${countLabel(totalViews, 'raz', 'razy', 'razy')}.`,
		'',
		...(lines.length ? lines : ['Żadna jednostka nie publikowała w tym miesiącu.']),
		'',
		`Pełny raport (PDF, z porównaniem miesiąc do miesiąca i wykresami): ${baseUrl}/pliki/raport-jednostek/${r.group.slug}.pdf?miesiac=${r.month}`,
		`Te same dane w CSV: ${baseUrl}/pliki/raport-jednostek/${r.group.slug}.csv?miesiac=${r.month}`,
		'',
		'Raport wysyłamy pierwszego dnia każdego miesiąca do koordynatorów gminy.',
		'Zespół PL-MEDIA'
	].join('\n');
}
