/**
 * The weekly digest e-mail ("Tydzień w gminie …"), the same for every member of a group but for
 * the links that are theirs (unsubscribe). Pure: the caller passes names, full links, dates
 * already formatted and counts as numbers.
 */
import { plural } from '../../format';

/** One post as the digest lists it. */
export interface DigestItem {
	/** The post's first line, shortened. */
	title: string;
	/** The unit that published it, or the member's name. */
	from: string;
	url: string;
	/** A promoted post cross-posted from a neighbouring group: its municipality ("Z gminy …"). */
	crossFrom?: string;
}

export interface DigestEventItem extends DigestItem {
	/** When it starts, formatted ("05.12.2026, 18:00"). */
	when: string;
	place: string | null;
}

export interface DigestData {
	/** The municipality's name ("Wiskitki"): "Tydzień w gminie Wiskitki". */
	municipality: string;
	groupName: string;
	/** The week, formatted ("26.11–02.12.2026"). */
	week: string;
	/**
	 * Posts the units promoted this week (Pakiet 2), and those of neighbouring municipalities
	 * cross-posted into the group (Pakiet 3): first, when there are any.
	 */
	promoted: DigestItem[];
	/** The most read posts of the week, with their views in the week. */
	mostRead: (DigestItem & { views: number })[];
	upcomingEvents: DigestEventItem[];
	/** The units' posts of the week not listed above. */
	unitPosts: DigestItem[];
	groupUrl: string;
	settingsUrl: string;
	unsubscribeUrl: string;
}

export interface DigestEmail {
	subject: string;
	text: string;
	html: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const views = (n: number) => `${n} ${plural(n, 'wyświetlenie', 'wyświetlenia', 'wyświetleń')}`;

interface Section {
	heading: string;
	items: { title: string; url: string; detail: string }[];
}

function sections(d: DigestData): Section[] {
	const all: Section[] = [
		{
			heading: 'Wyróżnione przez gminę',
			items: d.promoted.map((p) => ({
				title: p.title,
				url: p.url,
				detail: p.crossFrom ? `${p.from} · Z gminy ${p.crossFrom}` : p.from
			}))
		},
		{
			heading: 'Najczęściej czytane w tym tygodniu',
			items: d.mostRead.map((p) => ({ title: p.title, url: p.url, detail: `${p.from} · ${views(p.views)}` }))
		},
		{
			heading: 'Nadchodzące wydarzenia',
			items: d.upcomingEvents.map((e) => ({
				title: e.title,
				url: e.url,
				detail: [e.when, e.place, e.from].filter(Boolean).join(' · ')
			}))
		},
		{
			heading: 'Wpisy jednostek gminy',
			items: d.unitPosts.map((p) => ({ title: p.title, url: p.url, detail: p.from }))
		}
	];
	return all.filter((s) => s.items.length > 0);
}

/** "Tydzień w gminie Wiskitki": promoted posts, the most read, upcoming events, the units' posts. */
export function weeklyDigestEmail(d: DigestData): DigestEmail {
	const subject = `Tydzień w gminie ${d.municipality}`;
	const parts = sections(d);
	const intro = `Co działo się w grupie „${d.groupName}” w dniach ${d.week}.`;
	const footer = [
		`Cała grupa: ${d.groupUrl}`,
		`Ustawienia powiadomień: ${d.settingsUrl}`,
		`Nie chcesz dostawać tego e-maila? Wypisz się jednym kliknięciem: ${d.unsubscribeUrl}`
	];
	const text = [
		subject,
		'',
		intro,
		...parts.flatMap((s) => [
			'',
			s.heading.toUpperCase(),
			...s.items.map((i) => `- ${i.title} (${i.detail})\n  ${i.url}`)
		]),
		'',
		'--',
		...footer
	].join('\n');
	const link = (url: string, label: string) => `<a href="${esc(url)}">${esc(label)}</a>`;
	const html = [
		'<!doctype html><html lang="pl"><head><meta charset="utf-8">',
		`<title>${esc(subject)}</title></head>`,
		'<body style="font-family: sans-serif; line-height: 1.5; max-width: 40rem; margin: 0 auto; padding: 1rem">',
		`<h1 style="font-size: 1.4rem">${esc(subject)}</h1>`,
		`<p>${esc(intro)}</p>`,
		...parts.map(
			(s) =>
				`<h2 style="font-size: 1.1rem">${esc(s.heading)}</h2><ul>${s.items
					.map((i) => `<li>${link(i.url, i.title)}<br><small>${esc(i.detail)}</small></li>`)
					.join('')}</ul>`
		),
		'<hr>',
		`<p><small>${link(d.groupUrl, `Cała grupa „${d.groupName}”`)} · ${link(d.settingsUrl, 'Ustawienia powiadomień')} · ${link(d.unsubscribeUrl, 'Wypisz się z e-maila „Tydzień w gminie”')}</small></p>`,
		'</body></html>'
	].join('\n');
	return { subject, text, html };
}
