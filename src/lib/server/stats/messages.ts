/**
 * Texts of the e-mails the statistics area sends. Pure: the caller passes names, full links and
 * dates already formatted (counts as numbers, so the template picks the plural form), and enqueues
 * `{ to, ...template(data) }`.
 */
import type { Email } from '../notify/outbox';
import { countLabel, formatNumber } from '../../format';
import { formatMinutes } from './unit-report';

type Mail = Omit<Email, 'to'>;

export interface UnitReportMailData {
	/** The coordinator's display name. */
	name: string;
	municipality: string;
	groupName: string;
	/** "październik 2026" */
	month: string;
	/** "październiku 2026" (after "w") */
	inMonth: string;
	/** Every unit with its figures for the month; those that published nothing are left out. */
	units: {
		name: string;
		posts: number;
		views: number;
		reactions: number;
		comments: number;
		questions: number;
		answered: number;
		medianReplyMinutes: number | null;
	}[];
	pdfUrl: string;
	csvUrl: string;
}

/** The monthly report of the units' activity, to each coordinator of the municipality. */
export function unitReportEmail(d: UnitReportMailData): Mail {
	const active = d.units.filter((u) => u.posts > 0);
	const lines = active.map(
		(u) =>
			`- ${u.name}: ${countLabel(u.posts, 'post', 'posty', 'postów')}, ${countLabel(u.views, 'wyświetlenie', 'wyświetlenia', 'wyświetleń')}, ${countLabel(u.reactions, 'reakcja', 'reakcje', 'reakcji')}, ${countLabel(u.comments, 'komentarz', 'komentarze', 'komentarzy')}; pytania mieszkańców: ${formatNumber(u.questions)}, z odpowiedzią: ${formatNumber(u.answered)}, mediana czasu odpowiedzi: ${formatMinutes(u.medianReplyMinutes)}`
	);
	const totalPosts = active.reduce((s, u) => s + u.posts, 0);
	const totalViews = active.reduce((s, u) => s + u.views, 0);
	return {
		subject: `Raport aktywności jednostek gminy ${d.municipality} – ${d.month}`,
		text: [
			`Dzień dobry, ${d.name},`,
			'',
			`w ${d.inMonth} jednostki gminy ${d.municipality} opublikowały w grupie „${d.groupName}” ${countLabel(totalPosts, 'post', 'posty', 'postów')}, ${totalPosts === 1 ? 'który' : 'które'} wyświetlono łącznie ${countLabel(totalViews, 'raz', 'razy', 'razy')}.`,
			'',
			...(lines.length ? lines : ['Żadna jednostka nie publikowała w tym miesiącu.']),
			'',
			`Pełny raport (PDF, z porównaniem miesiąc do miesiąca i wykresami): ${d.pdfUrl}`,
			`Te same dane w CSV: ${d.csvUrl}`,
			'',
			'Raport wysyłamy pierwszego dnia każdego miesiąca do koordynatorów gminy.',
			'Zespół PL-MEDIA'
		].join('\n')
	};
}
