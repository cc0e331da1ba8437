import { escapeHtml } from '../../text/render';
import { countLabel, formatDate, formatDateTime, formatNumber } from '../../format';
import type { PersonalData } from './collect';

const postStatus: Record<string, string> = {
	published: 'opublikowany',
	pending: 'czeka na moderatora',
	changes_requested: 'do poprawy',
	rejected: 'odrzucony',
	removed: 'usunięty przez moderatora',
	draft: 'szkic',
	scheduled: 'zaplanowany',
	deleted: 'usunięty przez Ciebie'
};
const commentStatus: Record<string, string> = {
	published: 'opublikowany',
	pending: 'czeka na moderatora',
	hidden: 'ukryty po zgłoszeniach',
	rejected: 'odrzucony',
	removed: 'usunięty'
};
const reportStatus: Record<string, string> = {
	open: 'czeka na decyzję',
	actioned: 'uwzględnione',
	dismissed: 'bez działań'
};
const appealStatus: Record<string, string> = {
	open: 'czeka na rozpatrzenie',
	upheld: 'nieuwzględnione',
	reversed: 'uwzględnione'
};
const consentSources: Record<string, string> = {
	join: 'przy dołączaniu do grupy',
	prompt: 'w pytaniu na stronie grupy',
	settings: 'w ustawieniach komunikatów'
};

const membershipStatus: Record<string, string> = {
	approved: 'członek',
	pending: 'czeka na akceptację',
	declined: 'odrzucona'
};
const messageStatus: Record<string, string> = {
	pending: 'czeka na wysłanie',
	sent: 'wysłana',
	failed: 'nieudana, ponawiamy',
	dead: 'nie doręczono'
};
const reactionLabels: Record<string, string> = {
	like: 'Lubię to',
	love: 'Super',
	haha: 'Haha',
	wow: 'Wow',
	sad: 'Smutne',
	angry: 'Wrr'
};

/** A table cell: text (escaped here) or markup built in this file from escaped parts. */
type Cell = string | number | boolean | null | { html: string };

const text = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');
const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);
const yesNo = (b: boolean) => (b ? 'tak' : 'nie');

function cell(c: Cell): string {
	if (c === null || c === '') return '<span class="muted">—</span>';
	if (typeof c === 'boolean') return yesNo(c);
	if (typeof c === 'number') return formatNumber(c);
	if (typeof c === 'string') return text(c);
	return c.html;
}

function table(headers: string[], rows: Cell[][]): string {
	if (rows.length === 0) return '<p class="muted">Brak danych.</p>';
	return `<table><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function fields(pairs: [string, Cell][]): string {
	return `<dl>${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`;
}

function section(id: string, title: string, file: string, body: string): string {
	return `<section id="${id}"><h2>${escapeHtml(title)}</h2><p class="file">Plik: <code>${escapeHtml(file)}</code></p>${body}</section>`;
}

const count = (n: number, one: string, few: string, many: string) =>
	`<p>${escapeHtml(countLabel(n, one, few, many))}.</p>`;

function posts(d: PersonalData): string {
	const items = d.posts.map((p) => {
		const images = p.images
			.map((i) =>
				i.file
					? `<figure><img src="${escapeHtml(i.file)}" alt="${escapeHtml(i.alt)}" width="${i.width}" height="${i.height}" loading="lazy"><figcaption>${escapeHtml(i.alt || i.file)}</figcaption></figure>`
					: `<p class="muted">Zdjęcie niedostępne (plik usunięty).</p>`
			)
			.join('');
		const versions = p.earlierVersions.length
			? `<details><summary>${escapeHtml(countLabel(p.earlierVersions.length, 'wcześniejsza wersja', 'wcześniejsze wersje', 'wcześniejszych wersji'))}</summary>${table(
					['Treść', 'Kategoria', 'Zmieniona'],
					p.earlierVersions.map((v) => [v.body, v.category, when(v.replacedAt)])
				)}</details>`
			: '';
		const findings = p.findings.length
			? `<p><strong>Uwagi systemu moderacji:</strong></p>${table(
					['Fragment', 'Uwaga'],
					p.findings.map((f) => [f.excerpt, f.message])
				)}`
			: '';
		return `<article><h3>Post nr ${escapeHtml(p.id)} — ${escapeHtml(p.group)}</h3>${fields([
			['Utworzony', when(p.createdAt)],
			['Opublikowany', when(p.publishedAt)],
			['Zaplanowany na', when(p.scheduledFor)],
			['Edytowany', when(p.editedAt)],
			['Stan', postStatus[p.status] ?? p.status],
			['Jako jednostka', p.asUnit],
			['Kategoria', p.categoryLabel],
			['Powód decyzji moderatora', p.moderationReason],
			[
				'Wydarzenie',
				p.event
					? [when(p.event.start), p.event.end ? `do ${when(p.event.end)}` : '', p.event.place ?? '']
							.filter(Boolean)
							.join(', ')
					: null
			],
			[
				'Komunikat pilny',
				p.urgent
					? `${p.urgent.kind ?? ''}${p.urgent.until ? `, na górze do ${when(p.urgent.until)}` : ''}${p.urgent.allClear ? `; odwołanie: ${p.urgent.allClear}` : ''}`
					: null
			],
			[
				'Komentarze, reakcje, wyświetlenia, udostępnienia',
				`${formatNumber(p.counts.comments)}, ${formatNumber(p.counts.reactions)}, ${formatNumber(p.counts.views)}, ${formatNumber(p.counts.shares)}`
			]
		])}<blockquote>${text(p.body)}</blockquote>${images}${findings}${versions}</article>`;
	});
	return count(d.posts.length, 'post', 'posty', 'postów') + items.join('');
}

function decisions(d: PersonalData): string {
	const x = d.decisions;
	return [
		'<h3>Decyzje dotyczące Ciebie i Twoich treści</h3>',
		table(
			[
				'Nr',
				'Kiedy',
				'Grupa',
				'Działanie',
				'Czego dotyczy',
				'Podstawa',
				'Uzasadnienie',
				'Po zgłoszeniu',
				'Kto zdecydował'
			],
			x.aboutMe.map((l) => [
				l.id,
				when(l.at),
				l.group,
				l.actionLabel,
				l.commentId ? `komentarz nr ${l.commentId}` : l.postId ? `post nr ${l.postId}` : 'konto w grupie',
				l.ground,
				l.facts,
				l.basedOnReport,
				l.decidedBy === 'automat' ? 'system automatyczny' : 'moderator'
			])
		),
		'<h3>Sankcje</h3>',
		table(
			['Rodzaj', 'Grupa', 'Od', 'Do', 'Zniesiona', 'Podstawa', 'Powód'],
			x.sanctions.map((s) => [s.label, s.group, when(s.startsAt), when(s.endsAt), when(s.liftedAt), s.ground, s.reason])
		),
		'<h3>Twoje odwołania</h3>',
		table(
			['Od decyzji nr', 'Złożone', 'Treść', 'Stan', 'Rozstrzygnięcie', 'Rozstrzygnięte'],
			x.appeals.map((a) => [
				a.decisionId,
				when(a.createdAt),
				a.body,
				appealStatus[a.status] ?? a.status,
				a.outcome,
				when(a.decidedAt)
			])
		),
		'<h3>Zgłoszenia innych osób dotyczące Twoich treści</h3>',
		'<p class="muted">Bez danych osób zgłaszających.</p>',
		table(
			['Czego dotyczy', 'Podstawa', 'Stan', 'Zgłoszone', 'Rozpatrzone'],
			x.reportsAboutMyContent.map((r) => [
				r.commentId ? `komentarz nr ${r.commentId}` : `post nr ${r.postId}`,
				r.ground,
				reportStatus[r.status] ?? r.status,
				when(r.createdAt),
				when(r.decidedAt)
			])
		)
	].join('');
}

/** The readable copy of the export: one self-contained Polish page (no scripts, no outside addresses). */
export function renderDataHtml(d: PersonalData, preparedAt: Date): string {
	const p = d.profile;
	const m = d.memberships;
	const sections = [
		section(
			'profil',
			'Profil',
			'profil.json',
			fields([
				['Imię i nazwisko', p.displayName],
				['Adres e-mail', p.email],
				['Adres potwierdzony', when(p.emailVerifiedAt)],
				['Konto założone', when(p.createdAt)],
				['Administrator serwisu', p.operator]
			]) +
				'<h3>Zalogowane urządzenia (sesje)</h3>' +
				table(
					['Od', 'Ważna do'],
					p.sessions.map((s) => [when(s.createdAt), when(s.expiresAt)])
				) +
				'<h3>Logowania z ostatniej doby</h3>' +
				table(
					['Kiedy', 'Adres IP'],
					p.logins.map((l) => [when(l.at), l.ip])
				) +
				`<p>Nieudane próby logowania na Twój adres w tej dobie: ${formatNumber(p.failedLogins)}.</p>` +
				'<h3>Linki wysłane e-mailem</h3>' +
				table(
					['Cel', 'Wysłany', 'Ważny do', 'Użyty'],
					p.emailLinks.map((t) => [t.purpose, when(t.createdAt), when(t.expiresAt), when(t.usedAt)])
				) +
				'<h3>Tokeny API</h3>' +
				table(
					['Nazwa', 'Utworzony', 'Ostatnio użyty', 'Unieważniony'],
					p.apiTokens.map((t) => [t.name, when(t.createdAt), when(t.lastUsedAt), when(t.revokedAt)])
				) +
				(p.onCallShifts.length
					? '<h3>Dyżury</h3>' +
						table(
							['Od', 'Do', 'Rola', 'Telefon'],
							p.onCallShifts.map((s) => [when(s.startsAt), when(s.endsAt), s.role, s.phone])
						)
					: '')
		),
		section(
			'czlonkostwa',
			'Członkostwa',
			'czlonkostwa.json',
			table(
				['Grupa', 'Stan', 'Rola', 'Odpowiedź na pytanie', 'Prośba', 'Decyzja', 'Obserwowane miejscowości'],
				m.groups.map((g) => [
					g.group,
					membershipStatus[g.status] ?? g.status,
					g.role === 'moderator' ? 'moderator' : 'członek',
					g.answer,
					when(g.requestedAt),
					when(g.decidedAt),
					g.places.join(', ')
				])
			) +
				'<h3>Historia</h3>' +
				table(
					['Grupa', 'Zmiana', 'Kiedy'],
					m.history.map((h) => [h.group, h.change, when(h.at)])
				) +
				(m.units.length
					? '<h3>Jednostki, w których publikujesz</h3>' +
						table(
							['Jednostka', 'Gmina', 'Rola'],
							m.units.map((u) => [u.unit, u.municipality, u.role])
						)
					: '') +
				(m.coordinator.length
					? '<h3>Koordynator gminy</h3>' +
						table(
							['Gmina'],
							m.coordinator.map((c) => [c.municipality])
						)
					: '') +
				(m.invitations.length
					? '<h3>Zaproszenia do jednostek</h3>' +
						table(
							['Jednostka', 'Rola', 'Wysłane', 'Ważne do', 'Przyjęte', 'Cofnięte'],
							m.invitations.map((i) => [
								i.unit,
								i.role,
								when(i.createdAt),
								when(i.expiresAt),
								when(i.acceptedAt),
								when(i.revokedAt)
							])
						)
					: '')
		),
		section('posty', 'Posty', 'posty.json (zdjęcia w folderze zdjecia/)', posts(d)),
		section(
			'komentarze',
			'Komentarze',
			'komentarze.json',
			count(d.comments.length, 'komentarz', 'komentarze', 'komentarzy') +
				table(
					['Nr', 'Pod postem', 'Grupa', 'Treść', 'Stan', 'Napisany'],
					d.comments.map((c) => [
						c.id,
						c.postId,
						c.group,
						c.body,
						commentStatus[c.status] ?? c.status,
						when(c.createdAt)
					])
				)
		),
		section(
			'reakcje',
			'Reakcje, udostępnienia i wyświetlenia',
			'reakcje.json',
			'<h3>Reakcje na posty</h3>' +
				table(
					['Post nr', 'Reakcja', 'Kiedy'],
					d.reactions.onPosts.map((r) => [r.postId, reactionLabels[r.kind] ?? r.kind, when(r.at)])
				) +
				'<h3>Reakcje na komentarze</h3>' +
				table(
					['Komentarz nr', 'Reakcja', 'Kiedy'],
					d.reactions.onComments.map((r) => [r.commentId, reactionLabels[r.kind] ?? r.kind, when(r.at)])
				) +
				'<h3>Udostępnienia</h3>' +
				table(
					['Post nr', 'Kiedy'],
					d.reactions.shares.map((s) => [s.postId, when(s.at)])
				) +
				'<h3>Wyświetlone posty</h3>' +
				table(
					['Post nr', 'Dzień'],
					d.reactions.views.map((v) => [v.postId, formatDate(v.day)])
				)
		),
		section(
			'zgloszenia',
			'Twoje zgłoszenia treści',
			'zgloszenia.json',
			table(
				['Nr', 'Grupa', 'Czego dotyczy', 'Podstawa', 'Wyjaśnienie', 'Podpis', 'Stan', 'Zgłoszone', 'Rozpatrzone'],
				d.reports.map((r) => [
					r.id,
					r.group,
					r.commentId ? `komentarz nr ${r.commentId}` : `post nr ${r.postId}`,
					r.groundLabel,
					r.explanation,
					`${r.name} <${r.email}>`,
					reportStatus[r.status] ?? r.status,
					when(r.createdAt),
					when(r.decidedAt)
				])
			)
		),
		section('decyzje', 'Decyzje moderatorów, sankcje i odwołania', 'decyzje.json', decisions(d)),
		section(
			'powiadomienia',
			'Powiadomienia',
			'powiadomienia.json',
			'<h3>W serwisie</h3>' +
				table(
					['Kiedy', 'Treść', 'Przeczytane'],
					d.notifications.inApp.map((n) => [when(n.createdAt), n.text, when(n.readAt)])
				) +
				'<h3>E-maile i SMS-y do Ciebie</h3>' +
				table(
					['Kiedy', 'Kanał', 'Do', 'Temat', 'Stan'],
					d.notifications.messages.map((x) => [
						when(x.createdAt),
						x.channel === 'sms' ? 'SMS' : x.channel === 'push' ? 'push' : 'e-mail',
						x.to,
						x.subject,
						messageStatus[x.status] ?? x.status
					])
				)
		),
		section(
			'zgody',
			'Zgody i ustawienia powiadomień',
			'zgody.json',
			fields([
				['Adres e-mail do powiadomień', d.consents.email],
				['Potwierdzony', when(d.consents.emailVerifiedAt)]
			]) +
				'<h3>Komunikaty pilne: kanały</h3>' +
				table(
					['Grupa', 'E-mail', 'Powiadomienia push', 'SMS', 'Zmienione'],
					d.consents.urgentAlerts.map((a) => [a.group, a.byEmail, a.byPush, a.bySms, when(a.updatedAt)])
				) +
				'<h3>Urządzenia z powiadomieniami push</h3>' +
				table(
					['Przeglądarka', 'Usługa push', 'Dodane', 'Ostatnio użyte'],
					d.consents.pushDevices.map((x) => [x.browser, x.service, when(x.createdAt), when(x.lastUsedAt)])
				) +
				'<p class="muted">Tablica używa tylko dwóch niezbędnych plików cookie — sesji logowania i urządzenia (chroni logowanie przed zgadywaniem haseł) — i nie używa cookies analitycznych ani reklamowych.</p>'
		),
		section(
			'alerty',
			'Subskrypcje komunikatów pilnych',
			'alerty.json',
			table(
				['Grupa', 'Rodzaje', 'E-mail', 'Push', 'SMS', 'Telefon', 'Telefon potwierdzony', 'Wybór', 'Zmienione'],
				d.alerts.map((a) => [
					a.group,
					a.kinds.map((k) => k.label).join(', '),
					a.byEmail,
					a.byPush,
					a.bySms,
					a.phone,
					when(a.phoneConfirmedAt),
					consentSources[a.consentSource] ?? a.consentSource,
					when(a.updatedAt)
				])
			)
		),
		section(
			'pomoc',
			'Zgłoszenia do pomocy',
			'zgloszenia-pomocy.json (załączniki w folderze zalaczniki/)',
			d.tickets.length
				? d.tickets
						.map(
							(t) =>
								`<article><h3>Zgłoszenie nr ${escapeHtml(t.id)}: ${escapeHtml(t.kindLabel)}</h3>${fields([
									['Wysłane', when(t.createdAt)],
									['Pilne', t.priority === 'urgent'],
									['Stan', t.statusLabel],
									['Podpis', `${t.name} <${t.email}>`],
									['Telefon', t.phone],
									['Pierwsza odpowiedź', when(t.firstResponseAt)],
									['Rozwiązane', when(t.resolvedAt)]
								])}${table(
									['Od', 'Kiedy', 'Wiadomość', 'Załączniki'],
									t.messages.map((msg) => [
										msg.from,
										when(msg.createdAt),
										msg.body,
										msg.files.length
											? {
													html: msg.files
														.map((f) =>
															f.file
																? `<a href="${escapeHtml(f.file)}">${escapeHtml(f.name)}</a>`
																: `${escapeHtml(f.name)} (plik niedostępny)`
														)
														.join('<br>')
												}
											: null
									])
								)}</article>`
						)
						.join('')
				: '<p class="muted">Brak danych.</p>'
		)
	];
	const toc = [
		['profil', 'Profil'],
		['czlonkostwa', 'Członkostwa'],
		['posty', 'Posty'],
		['komentarze', 'Komentarze'],
		['reakcje', 'Reakcje'],
		['zgloszenia', 'Twoje zgłoszenia treści'],
		['decyzje', 'Decyzje moderatorów'],
		['powiadomienia', 'Powiadomienia'],
		['zgody', 'Zgody i ustawienia'],
		['alerty', 'Komunikaty pilne'],
		['pomoc', 'Zgłoszenia do pomocy']
	];
	return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Twoje dane w Tablicy — ${escapeHtml(p.displayName)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ddd; } h3 { margin-top: 1.5rem; font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f3f3; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
blockquote { margin: .5rem 0; padding: .5rem 1rem; border-left: 4px solid #4a7; background: #f7f7f7; }
article { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
img { max-width: 100%; height: auto; } figure { margin: .5rem 0; }
.muted, .file { color: #555; } .file { font-size: .9rem; }
</style>
</head>
<body>
<h1>Twoje dane w Tablicy</h1>
<p>Kopia danych konta <strong>${escapeHtml(p.displayName)}</strong> (${escapeHtml(p.email)}) przygotowana ${escapeHtml(formatDateTime(preparedAt))}, zgodnie z art. 15 i 20 RODO. Te same dane w formacie JSON są w plikach obok tej strony; zdjęcia z Twoich postów w folderze <code>zdjecia/</code>, załączniki zgłoszeń w folderze <code>zalaczniki/</code>. Dane innych osób (np. kto zgłosił Twój komentarz albo kto skomentował Twój post) pominęliśmy.</p>
<nav aria-label="Spis treści"><ul>${toc.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label)}</a></li>`).join('')}</ul></nav>
${sections.join('\n')}
</body>
</html>
`;
}
