/**
 * Texts of the e-mails about residents' questions. Pure: the caller passes names, full links and
 * formatted dates, and enqueues `{ to, ...template(data) }`.
 */
import type { Email } from '../notify/outbox';
import { countLabel } from '../../format';

type Mail = Omit<Email, 'to'>;

export interface OverdueQuestionsMailData {
	/** The coordinator's display name. */
	name: string;
	municipality: string;
	questions: { unit: string; excerpt: string; askedAt: string; url: string }[];
	listUrl: string;
}

/** To each coordinator: the questions that waited two working days without an answer (sent once per question). */
export function overdueQuestionsEmail(d: OverdueQuestionsMailData): Mail {
	const n = d.questions.length;
	return {
		subject: `${n === 1 ? 'Pytanie mieszkańca czeka' : 'Pytania mieszkańców czekają'} na odpowiedź ponad 2 dni robocze – gmina ${d.municipality}`,
		text: [
			`Dzień dobry, ${d.name},`,
			'',
			`w grupie gminy ${d.municipality} ${countLabel(n, 'pytanie mieszkańca czeka', 'pytania mieszkańców czekają', 'pytań mieszkańców czeka')} na odpowiedź urzędu lub jednostki dłużej niż 2 dni robocze:`,
			'',
			...d.questions.flatMap((q) => [`- do: ${q.unit} (zadane ${q.askedAt}): „${q.excerpt}”`, `  ${q.url}`]),
			'',
			'Odpowiedź zespołu jednostki w komentarzu pod pytaniem oznaczy je jako „odpowiedziano”; jeśli sprawa należy do innej jednostki, można je przekazać na stronie pytania.',
			`Wszystkie czekające pytania gminy: ${d.listUrl}`,
			'',
			'Zespół PL-MEDIA'
		].join('\n')
	};
}
