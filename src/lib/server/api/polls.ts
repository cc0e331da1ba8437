import { z } from 'zod';
import { operation } from './contract';
import { Poll } from './schemas';

const pollParams = z.object({
	id: z.string().meta({ description: 'Identyfikator posta z ankietą', pattern: '^\\d+$', example: '1' })
});

const PollResults = Poll.extend({
	postId: z.string(),
	question: z.string().meta({ description: 'Pierwszy wiersz posta' }),
	by: z.string().meta({ description: 'Kto prowadzi ankietę (jednostka albo autor)' }),
	publishedAt: z.string().meta({ format: 'date-time' }),
	runs: z.boolean().meta({ description: 'Pytający prowadzi ankietę (może ją zakończyć, widzi wyniki w trakcie)' })
}).meta({ id: 'PollResults', description: 'Ankieta z wynikami, jeśli pytający może je zobaczyć' });

export const getPoll = operation({
	method: 'get',
	path: '/polls/{id}',
	operationId: 'getPoll',
	summary: 'Ankieta i jej wyniki (po oddaniu głosu albo po zakończeniu; prowadzącym i moderatorom zawsze)',
	tag: 'posts',
	access: 'optional',
	params: pollParams,
	responses: { 200: { description: 'Ankieta', schema: PollResults } },
	errors: ['forbidden', 'not_found']
});

const choiceMessage = 'Podaj options: numery zaznaczonych odpowiedzi (od 0), np. [1].';

export const votePoll = operation({
	method: 'put',
	path: '/polls/{id}/vote',
	operationId: 'votePoll',
	summary: 'Mój głos (jedna odpowiedź albo kilka, gdy ankieta na to pozwala); można zmienić do końca głosowania',
	tag: 'engagement',
	access: 'required',
	params: pollParams,
	body: {
		invalidJson: 'Treść żądania musi być poprawnym obiektem JSON.',
		notObject: 'Treść żądania musi być obiektem JSON.',
		schema: z.object(
			{
				options: z
					.unknown()
					.refine((o) => Array.isArray(o), choiceMessage)
					.meta({ type: 'array', items: { type: 'integer', minimum: 0 } })
			},
			{ error: choiceMessage }
		)
	},
	responses: { 200: { description: 'Zapisano głos', schema: Poll } },
	errors: ['forbidden', 'not_found', 'conflict']
});

export const closePoll = operation({
	method: 'post',
	path: '/polls/{id}/close',
	operationId: 'closePoll',
	summary: 'Zakończ głosowanie przed czasem (autor albo zespół jednostki); wyniki stają się publiczne',
	tag: 'posts',
	access: 'required',
	params: pollParams,
	responses: { 200: { description: 'Zakończono', schema: Poll } },
	errors: ['forbidden', 'not_found', 'conflict']
});
