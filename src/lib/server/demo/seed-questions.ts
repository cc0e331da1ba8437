import { sql } from 'kysely';
import type { Db } from '../db/database';
import { foldText } from '../text/fold';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Residents' questions to the office and units (issue 19): answered, forwarded, waiting and overdue. */
const questions: {
	body: string;
	to: string;
	askedDaysAgo: number;
	forwardedTo?: string;
	answer?: { afterHours: number; body: string };
}[] = [
	{
		body: 'Dzień dobry, do kiedy trzeba złożyć deklarację o źródle ogrzewania? Czy można to zrobić przez internet?',
		to: 'urzad',
		askedDaysAgo: 40,
		answer: {
			afterHours: 3,
			body: 'Dzień dobry, deklarację można złożyć w urzędzie (pokój 12) albo przez ePUAP. Dla nowego źródła ciepła termin to 14 dni od jego uruchomienia.'
		}
	},
	{
		body: 'Kiedy będzie odbiór gabarytów w Guzowie? W harmonogramie nie mogę tego znaleźć.',
		to: 'zgk',
		askedDaysAgo: 25,
		answer: {
			afterHours: 26,
			body: 'Odbiór gabarytów w Guzowie: ostatni piątek miesiąca. Prosimy wystawić rzeczy dzień wcześniej do 20:00.'
		}
	},
	{
		body: 'Czy GOPS pomaga wypełnić wniosek o dodatek osłonowy? Mama jest po operacji i nie wyjdzie z domu.',
		to: 'gops',
		askedDaysAgo: 12,
		answer: {
			afterHours: 5,
			body: 'Tak, pracownik socjalny może przyjechać do domu. Prosimy o telefon do ośrodka, umówimy termin.'
		}
	},
	{
		body: 'Czy w bibliotece można wydrukować dokumenty? Ile kosztuje strona?',
		to: 'urzad',
		forwardedTo: 'biblioteka',
		askedDaysAgo: 8,
		answer: { afterHours: 50, body: 'Tak, drukujemy na miejscu: 50 gr za stronę czarno-białą, 1 zł za kolorową.' }
	},
	{
		body: 'Czy wiadomo, kiedy naprawią lampę uliczną przy Kościuszki? Od tygodnia nie świeci.',
		to: 'urzad',
		// Two working days are over whatever the demo's date (holidays included).
		askedDaysAgo: 9
	},
	{
		body: 'Czy na świetlicy w Miedniewicach będą w ferie zajęcia dla dzieci?',
		to: 'gok',
		askedDaysAgo: 1
	}
];

/**
 * Adds the demo's addressed questions to a group, in the seed's transaction: posts of residents in
 * the category "Pytania" with their question rows and the units' answers (comments of each unit's
 * staff). The overdue one is marked as reminded, as the hourly job would have done.
 */
export async function seedQuestions(
	tx: Db,
	now: Date,
	groupId: string,
	residents: string[],
	units: { id: string; slug: string }[],
	staffByUnit: Map<string, string>
): Promise<void> {
	const unitId = (slug: string) => units.find((u) => u.slug === slug)!.id;
	for (const [i, q] of questions.entries()) {
		const askedAt = new Date(now.getTime() - q.askedDaysAgo * DAY - (i + 2) * HOUR);
		const answeredAt = q.answer ? new Date(askedAt.getTime() + q.answer.afterHours * HOUR) : null;
		const post = await tx
			.insertInto('posts')
			.values({
				group_id: groupId,
				author_id: residents[(20 + i * 37) % residents.length],
				unit_id: null,
				category: 'questions',
				body: q.body,
				body_folded: foldText(q.body),
				status: 'published',
				reaction_counts: '{}',
				created_at: askedAt,
				published_at: askedAt,
				comment_count: q.answer ? 1 : 0,
				view_count: 120 + i * 31
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const answeringUnit = q.forwardedTo ?? q.to;
		const answer =
			q.answer && answeredAt
				? await tx
						.insertInto('comments')
						.values({
							post_id: post.id,
							parent_id: null,
							author_id: staffByUnit.get(answeringUnit)!,
							body: q.answer.body,
							status: 'published',
							reaction_counts: '{}',
							created_at: answeredAt
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				: null;
		await tx
			.insertInto('questions')
			.values({
				post_id: post.id,
				group_id: groupId,
				unit_id: unitId(answeringUnit),
				state: answer ? 'answered' : q.forwardedTo ? 'forwarded' : 'waiting',
				forwarded_from: q.forwardedTo ? unitId(q.to) : null,
				forwarded_at: q.forwardedTo ? new Date(askedAt.getTime() + 2 * HOUR) : null,
				answer_comment_id: answer?.id ?? null,
				answered_at: answer ? answeredAt : null,
				reminded_at: !answer && q.askedDaysAgo >= 9 ? new Date(askedAt.getTime() + 4 * DAY) : null
			})
			.execute();
	}
}

/**
 * The demo's poll: the office asks about the hours of the municipal office on Saturdays, open for
 * five more days; about one member in six has voted (chosen by a hash, the same every seed).
 */
export async function seedDemoPoll(
	tx: Db,
	now: Date,
	groupId: string,
	units: { id: string; slug: string }[],
	staffByUnit: Map<string, string>
): Promise<void> {
	const body =
		'Ankieta: czy urząd ma być otwarty w jedną sobotę w miesiącu?\nChcemy dopasować godziny pracy urzędu do mieszkańców, którzy pracują poza gminą. Głosujcie do przyszłego tygodnia.';
	const publishedAt = new Date(now.getTime() - 2 * DAY);
	const post = await tx
		.insertInto('posts')
		.values({
			group_id: groupId,
			author_id: staffByUnit.get('urzad')!,
			unit_id: units.find((u) => u.slug === 'urzad')!.id,
			category: 'official',
			body,
			body_folded: foldText(body),
			status: 'published',
			reaction_counts: '{}',
			created_at: publishedAt,
			published_at: publishedAt,
			view_count: 640
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await tx
		.insertInto('polls')
		.values({
			post_id: post.id,
			options: [
				'Tak, w pierwszą sobotę miesiąca (9:00–13:00)',
				'Tak, w ostatnią sobotę miesiąca',
				'Nie, wystarczy jeden dłuższy dzień w tygodniu'
			],
			multiple: false,
			consultation: false,
			closes_at: new Date(now.getTime() + 5 * DAY),
			closed_at: null
		})
		.execute();
	await sql`INSERT INTO poll_votes (post_id, user_id, option, created_at)
		SELECT ${post.id}, m.user_id, abs(hashtext(m.user_id::text || ':poll')) % 3, ${publishedAt}::timestamptz + interval '3 hours'
		FROM memberships m
		WHERE m.group_id = ${groupId} AND m.status = 'approved' AND abs(hashtext(m.user_id::text)) % 6 = 0`.execute(tx);
}
