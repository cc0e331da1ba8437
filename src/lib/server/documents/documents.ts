import type { Ctx } from '../core/context';
import { countingRule } from '../../engagement';
import { formatDate, formatLift, formatMoney, formatNumber, formatPercent, monthName, shortMonth } from '../../format';
import { getGroupForReading } from '../groups/groups';
import { getSitePage, packageSales, placeholderValues, siteNumbers, siteTextBlocks } from '../site/pages';
import { municipalityPage } from '../stats/public';
import { formatMinutes, unitReport } from '../stats/unit-report';
import { contractClauses } from './contract';
import { PdfWriter } from './pdf';
import { package1ListPrices } from '../subscriptions/prices';
import { polishDate, warsawDay } from '../../dates';

// The four documents of the offer's "Materiały do pobrania", generated from live data.

/** Pakiet 1's prices as the offer states them (the price list with validity dates comes with billing). */
export const package1Prices = { monthly: formatMoney(385_000), commitment: formatMoney(350_000) };

export interface DocumentInfo {
	key: 'opis-pakietu' | 'umowa' | 'prezentacja' | 'raport-jednostek';
	title: string;
	href: string;
	what: string;
}

/** The documents offered for a municipality, in the seed's order. */
export function documentsFor(group: { slug: string; municipality: string }): DocumentInfo[] {
	return [
		{
			key: 'prezentacja',
			title: `Prezentacja aktywności i zasięgów grupy ${group.municipality}`,
			href: `/pliki/prezentacja/${group.slug}.pdf`,
			what: 'liczby grupy z 12 miesięcy, wykresy i najpopularniejsze posty'
		},
		{
			key: 'raport-jednostek',
			title: `Raport aktywności komunikacyjnej jednostek gminy ${group.municipality}`,
			href: `/pliki/raport-jednostek/${group.slug}.pdf`,
			what: 'posty, zasięgi, zaangażowanie i czas odpowiedzi każdej jednostki, miesiąc do miesiąca'
		},
		{
			key: 'opis-pakietu',
			title: `Opis pakietów — ${group.municipality}`,
			href: `/pliki/opis-pakietu/${group.slug}.pdf`,
			what: 'oferta dla gminy w formie dokumentu'
		},
		{
			key: 'umowa',
			title: 'Umowa o świadczenie usług komunikacji lokalnej — wzór',
			href: '/pliki/umowa-wzor/umowa.pdf',
			what: 'wzór umowy ze wszystkimi postanowieniami'
		}
	];
}

const made = (ctx: Ctx) => `Stan na ${formatDate(ctx.clock.now())}`;

/** 1. "Opis pakietów — {gmina}": the offer's text (Pakiet 1, and Pakiet 2 and 3 with their dated availability) for that municipality, with its live numbers. */
export async function offerPdf(ctx: Ctx, slug: string): Promise<Buffer> {
	const [{ group, municipality }, page, numbers, stats, sales] = await Promise.all([
		getGroupForReading(ctx.db, slug),
		getSitePage(ctx.db, 'oferta'),
		siteNumbers(ctx),
		municipalityPage(ctx, slug),
		packageSales(ctx)
	]);
	const values = placeholderValues(
		numbers,
		{ groupName: group.name, municipality: municipality.name, kind: municipality.kind },
		sales
	);
	const title = `Opis pakietów — ${municipality.name}`;
	const pdf = new PdfWriter({ title, subject: page.title });
	pdf.titlePage(
		title,
		[
			page.title.replace(/gminy$/, `gminy ${municipality.name}`),
			`Gmina ${municipality.name} · grupa „${group.name}”`,
			`Liczby grupy: ostatnie 30 dni, ${made(ctx).toLowerCase()}`,
			'PL-MEDIA · Laski, gm. Izabelin'
		],
		[
			{ label: 'Członkowie grupy', value: formatNumber(stats.group.members) },
			{ label: 'Wyświetlenia postów (30 dni)', value: formatNumber(stats.last30.views) },
			{
				label: 'Reakcje i komentarze (30 dni)',
				value: formatNumber(stats.last30.reactions + stats.last30.comments)
			}
		]
	);
	let list: string[] = [];
	const flush = () => {
		if (list.length) pdf.list(list);
		list = [];
	};
	for (const block of siteTextBlocks(page.body, values)) {
		if (block.kind !== 'li') flush();
		if (block.kind === 'h2') pdf.heading(block.text, 2);
		else if (block.kind === 'h3') pdf.heading(block.text, 3);
		else if (block.kind === 'p') pdf.paragraph(block.text);
		else if (block.kind === 'li') list.push(block.text);
		else if (block.text === 'dokumenty')
			list = documentsFor({ slug, municipality: municipality.name }).map((d) => `${d.title} – ${ctx.baseUrl}${d.href}`);
	}
	flush();
	return pdf.finish(title);
}

/** 2. The contract template, blank. */
export async function contractTemplatePdf(ctx: Ctx): Promise<Buffer> {
	const title = 'Umowa o świadczenie usług komunikacji lokalnej — wzór';
	const pdf = new PdfWriter({ title, subject: 'Wzór umowy na Pakiet nr 1, 2 albo 3' });
	const list = await package1ListPrices(ctx.db, warsawDay(ctx.clock.now()));
	const prices = {
		monthly: list.monthly ? formatMoney(list.monthly) : package1Prices.monthly,
		commitment: list.commitment ? formatMoney(list.commitment) : package1Prices.commitment
	};
	pdf.titlePage(
		title,
		[
			'Pakiet nr 1 – publikowanie treści w grupie mieszkańców gminy (pakiety nr 2 i 3 – zakres w § 3)',
			'Gmina: ……………………………… · grupa: ………………………………',
			`Umowa nr ……………… zawarta w dniu ……………… w ………………`,
			`Ceny według cennika, ${made(ctx).toLowerCase()}`
		],
		[
			{ label: 'Cena brutto miesięcznie', value: prices.monthly },
			{ label: 'Przy umowie na co najmniej 6 miesięcy', value: prices.commitment },
			{ label: 'Jednostki gminy w ramach pakietu', value: 'bez limitu' }
		]
	);
	for (const clause of contractClauses(prices)) {
		pdf.heading(clause.title, 2);
		clause.points.forEach((p, i) => pdf.paragraph(clause.points.length > 1 ? `${i + 1}. ${p}` : p));
	}
	pdf.heading('Załącznik nr 1. Jednostki uprawnione do publikowania', 2);
	pdf.table(
		[
			{ header: 'Lp.', width: 0.08 },
			{ header: 'Nazwa jednostki', width: 0.42 },
			{ header: 'Rodzaj', width: 0.2 },
			{ header: 'Osoba kontaktowa', width: 0.3 }
		],
		Array.from({ length: 6 }, (_, i) => [`${i + 1}.`, '', '', ''])
	);
	pdf.heading('Podpisy', 2);
	pdf.table(
		[
			{ header: 'Za Gminę', width: 0.5 },
			{ header: 'Za Wykonawcę', width: 0.5 }
		],
		[['\n\n\n…………………………………………\n(data, podpis, pieczęć)', '\n\n\n…………………………………………\n(data, podpis)']]
	);
	return pdf.finish(title);
}

/** 3. The group's numbers and charts over 12 months and its most popular posts. */
export async function presentationPdf(ctx: Ctx, slug: string): Promise<Buffer> {
	const s = await municipalityPage(ctx, slug);
	const title = `Prezentacja aktywności i zasięgów grupy ${s.municipality.name}`;
	const pdf = new PdfWriter({ title, subject: `Statystyki grupy ${s.group.name}` });
	const sum = (f: (m: (typeof s.months)[number]) => number) => s.months.reduce((a, m) => a + f(m), 0);
	const period = s.months.length
		? `${monthName(s.months[0].month)} – ${monthName(s.months[s.months.length - 1].month)} (bieżący miesiąc niepełny)`
		: '—';
	pdf.titlePage(
		title,
		[
			`Grupa „${s.group.name}”`,
			`Gmina ${s.municipality.name}, powiat ${s.municipality.county}, województwo ${s.municipality.voivodeship}`,
			`Okres: ${period}`,
			made(ctx)
		],
		[
			{ label: 'Członkowie grupy', value: formatNumber(s.group.members) },
			{ label: 'Wyświetlenia postów (12 miesięcy)', value: formatNumber(sum((m) => m.views)) },
			{ label: 'Reakcje i komentarze (12 miesięcy)', value: formatNumber(sum((m) => m.reactions + m.comments)) }
		]
	);
	pdf.heading('Najważniejsze liczby (30 dni)', 2);
	pdf.figures([
		{ label: 'Członkowie grupy', value: formatNumber(s.group.members) },
		{ label: 'Wyświetlenia (30 dni)', value: formatNumber(s.last30.views) },
		{ label: 'Osoby (30 dni)', value: formatNumber(s.last30.uniqueViewers) },
		{ label: 'Reakcje (30 dni)', value: formatNumber(s.last30.reactions) }
	]);
	if (s.municipality.population)
		pdf.paragraph(
			`Członkowie grupy to ${formatPercent(s.group.members / s.municipality.population)} mieszkańców gminy (${formatNumber(s.municipality.population)} mieszkańców, dane za ${s.municipality.populationYear ?? '—'} r.).`
		);
	pdf.barChart(
		'Wyświetlenia postów miesięcznie',
		s.months.map((m) => ({ label: shortMonth(m.month), value: m.views, display: formatNumber(m.views) }))
	);
	pdf.barChart(
		'Członkowie grupy na koniec miesiąca',
		s.months.map((m) => ({ label: shortMonth(m.month), value: m.membersAtEnd, display: formatNumber(m.membersAtEnd) }))
	);
	pdf.heading('Miesiąc po miesiącu', 2);
	pdf.table(
		[
			{ header: 'Miesiąc', width: 0.16 },
			{ header: 'Członkowie', width: 0.12, align: 'right' },
			{ header: 'Dołączyło', width: 0.1, align: 'right' },
			{ header: 'Wyświetlenia', width: 0.14, align: 'right' },
			{ header: 'Osoby', width: 0.1, align: 'right' },
			{ header: 'Posty', width: 0.08, align: 'right' },
			{ header: 'Komentarze', width: 0.12, align: 'right' },
			{ header: 'Reakcje', width: 0.1, align: 'right' },
			{ header: 'Udostęp.', width: 0.08, align: 'right' }
		],
		[...s.months]
			.reverse()
			.map((m) => [
				monthName(m.month),
				formatNumber(m.membersAtEnd),
				formatNumber(m.joined),
				formatNumber(m.views),
				formatNumber(m.uniqueViewers),
				formatNumber(m.posts),
				formatNumber(m.comments),
				formatNumber(m.reactions),
				formatNumber(m.shares)
			])
	);
	pdf.heading('Najpopularniejsze posty (90 dni)', 2);
	if (s.topPosts.length === 0) pdf.paragraph('W ostatnich 90 dniach nie opublikowano postów.', { muted: true });
	for (const p of s.topPosts) {
		pdf.heading(`${p.author} · ${formatDate(p.publishedAt)}`, 3);
		pdf.paragraph(p.excerpt);
		pdf.paragraph(
			`Wyświetlenia: ${formatNumber(p.views)} · komentarze: ${formatNumber(p.comments)} · reakcje: ${formatNumber(p.reactions)} · udostępnienia: ${formatNumber(p.shares)}`,
			{ muted: true }
		);
	}
	pdf.heading('Jednostki publikujące w grupie (90 dni)', 2);
	if (s.units.length === 0)
		pdf.paragraph('Żadna jednostka gminy nie publikowała w ostatnich 90 dniach.', { muted: true });
	else
		pdf.table(
			[
				{ header: 'Jednostka', width: 0.5 },
				{ header: 'Posty', width: 0.15, align: 'right' },
				{ header: 'Wyświetlenia', width: 0.2, align: 'right' },
				{ header: 'Reakcje i komentarze', width: 0.15, align: 'right' }
			],
			s.units.map((u) => [u.name, formatNumber(u.posts90), formatNumber(u.views90), formatNumber(u.engagement90)])
		);
	pdf.paragraph(`Dane pochodzą bezpośrednio z serwisu. ${countingRule} „Osoby” liczymy raz w danym okresie.`, {
		muted: true
	});
	return pdf.finish(title);
}

/** 4. Per unit: posts, reach, engagement and reply times, month over month. */
export async function unitReportPdf(ctx: Ctx, slug: string, month: string | null): Promise<Buffer> {
	const r = await unitReport(ctx, slug, month);
	const title = `Raport aktywności komunikacyjnej jednostek gminy ${r.municipality}`;
	const pdf = new PdfWriter({ title, subject: `Jednostki gminy ${r.municipality}, ${monthName(r.month)}` });
	const previous = r.months.length - 2;
	const current = r.months.length - 1;
	const total = (i: number, f: (m: (typeof r.units)[number]['months'][number]) => number) =>
		r.units.reduce((sum, u) => sum + f(u.months[i]), 0);
	pdf.titlePage(
		title,
		[
			`Gmina ${r.municipality} · grupa „${r.group.name}”`,
			`Okres: ${monthName(r.month)} (porównanie z: ${monthName(r.months[previous])})`,
			made(ctx)
		],
		[
			{ label: 'Posty jednostek', value: formatNumber(total(current, (m) => m.posts)) },
			{ label: 'Wyświetlenia postów jednostek', value: formatNumber(total(current, (m) => m.views)) },
			{
				label: 'Reakcje i komentarze',
				value: formatNumber(total(current, (m) => m.reactions + m.comments))
			}
		]
	);
	const change = (now: number, before: number) =>
		before === 0
			? now === 0
				? '0'
				: 'nowe'
			: `${now >= before ? '+' : ''}${formatPercent((now - before) / before, 0)}`;
	pdf.heading('Podsumowanie miesiąca', 2);
	pdf.figures([
		{ label: 'Posty jednostek', value: formatNumber(total(current, (m) => m.posts)) },
		{ label: 'Wyświetlenia', value: formatNumber(total(current, (m) => m.views)) },
		{ label: 'Reakcje', value: formatNumber(total(current, (m) => m.reactions)) },
		{ label: 'Komentarze', value: formatNumber(total(current, (m) => m.comments)) }
	]);
	pdf.paragraph(
		`W porównaniu z poprzednim miesiącem: posty ${change(
			total(current, (m) => m.posts),
			total(previous, (m) => m.posts)
		)}, wyświetlenia ${change(
			total(current, (m) => m.views),
			total(previous, (m) => m.views)
		)}.`
	);
	pdf.barChart(
		'Posty jednostek miesięcznie',
		r.months.map((m, i) => ({
			label: shortMonth(m),
			value: total(i, (x) => x.posts),
			display: formatNumber(total(i, (x) => x.posts))
		}))
	);
	pdf.heading(`Jednostki – ${monthName(r.month)}`, 2);
	pdf.table(
		[
			{ header: 'Jednostka', width: 0.27 },
			{ header: 'Posty', width: 0.07, align: 'right' },
			{ header: 'Zmiana', width: 0.09, align: 'right' },
			{ header: 'Wyświetlenia', width: 0.14, align: 'right' },
			{ header: 'Reakcje', width: 0.1, align: 'right' },
			{ header: 'Komentarze', width: 0.12, align: 'right' },
			{ header: 'Pytania (z odp.)', width: 0.1, align: 'right' },
			{ header: 'Mediana odpowiedzi', width: 0.11, align: 'right' }
		],
		r.units.map((u) => {
			const m = u.months[current];
			return [
				u.name,
				formatNumber(m.posts),
				change(m.posts, u.months[previous].posts),
				formatNumber(m.views),
				formatNumber(m.reactions),
				formatNumber(m.comments),
				`${formatNumber(m.questions)} (${formatNumber(m.answered)})`,
				formatMinutes(m.medianReplyMinutes)
			];
		})
	);
	pdf.paragraph(
		'Pytania to pytania mieszkańców skierowane do jednostki (posty w kategorii „Pytania”, liczone dla jednostki, która ma je teraz) i komentarze mieszkańców ze znakiem zapytania pod postami jednostki; czas odpowiedzi to mediana czasu od pytania do pierwszej odpowiedzi zespołu jednostki.',
		{ muted: true }
	);
	pdf.heading('Posty jednostek w ostatnich 6 miesiącach', 2);
	pdf.table(
		[
			{ header: 'Jednostka', width: 0.34 },
			...r.months.map((m) => ({ header: shortMonth(m), width: 0.11, align: 'right' as const }))
		],
		r.units.map((u) => [u.name, ...u.months.map((m) => formatNumber(m.posts))])
	);
	const promoting = r.units.filter((u) => u.promoted.length > 0);
	if (promoting.length) {
		pdf.heading(`Wyróżnione posty – ${monthName(r.month)}`, 2);
		for (const u of promoting) {
			pdf.heading(u.name, 3);
			pdf.table(
				[
					{ header: 'Post', width: 0.34 },
					{ header: 'Termin', width: 0.22 },
					{ header: 'Dostarczone', width: 0.13, align: 'right' },
					{ header: 'Wyświetlenia', width: 0.13, align: 'right' },
					{ header: 'Osoby', width: 0.09, align: 'right' },
					{ header: 'Wzrost', width: 0.09, align: 'right' }
				],
				u.promoted.map((p) => [
					p.excerpt,
					`${polishDate(p.firstDay)}–${polishDate(p.lastDay)}${p.status === 'cancelled' ? ' (odwołane)' : ''}`,
					formatNumber(p.delivered),
					formatNumber(p.views),
					formatNumber(p.uniqueViewers),
					formatLift(p.viewsLift)
				])
			);
		}
		pdf.paragraph(
			'Dostarczone: powiadomienia w serwisie, push, SMS i e-maile z podsumowaniem tygodnia. Wyświetlenia i osoby w dniach wyróżnienia. Wzrost: wyświetlenia wobec mediany postów niewyróżnionych jednostki z 90 dni przed wyróżnieniem, liczonej z tylu samych pierwszych dni od publikacji (bez komunikatów pilnych); „—”, gdy nie ma z czym porównać.',
			{ muted: true }
		);
	}
	return pdf.finish(title);
}
