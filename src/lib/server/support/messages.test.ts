import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import {
	backupPageSms,
	newTicketEmail,
	newTicketSms,
	postReleasedMessage,
	staffReplyEmail,
	ticketReceivedEmail
} from './messages';

const ticketUrl = 'http://tablica.test/pomoc/12';

describe('support messages', () => {
	it('a new ticket: SMS to the person on call, e-mail to the inbox, receipt to the requester', () => {
		expect([
			newTicketSms({ ticketId: '12', kindLabel: 'rozliczenia i faktury', urgent: false, ticketUrl }),
			newTicketSms({ ticketId: '12', kindLabel: 'błędnie zatrzymany post', urgent: true, ticketUrl })
		]).toMatchInlineSnapshot(`
			[
			  "Nowe zgłoszenie #12 (rozliczenia i faktury): http://tablica.test/pomoc/12",
			  "PILNE zgłoszenie #12 (błędnie zatrzymany post): http://tablica.test/pomoc/12",
			]
		`);
		expect(
			newTicketEmail({
				ticketId: '12',
				kindLabel: 'błędnie zatrzymany post',
				urgent: true,
				name: 'Anna Kos',
				email: 'anna@example.pl',
				phone: '+48600100200',
				body: 'Post o zebraniu OSP został zatrzymany.',
				ticketUrl
			})
		).toMatchInlineSnapshot(`
			{
			  "subject": "Zgłoszenie #12: błędnie zatrzymany post (PILNE)",
			  "text": "Anna Kos <anna@example.pl>, tel. +48600100200

			Post o zebraniu OSP został zatrzymany.

			http://tablica.test/pomoc/12",
			}
		`);
		expect(
			newTicketEmail({
				ticketId: '12',
				kindLabel: 'rozliczenia i faktury',
				urgent: false,
				name: 'Anna Kos',
				email: 'anna@example.pl',
				body: 'Proszę o duplikat faktury.',
				ticketUrl
			}).subject
		).toMatchInlineSnapshot(`"Zgłoszenie #12: rozliczenia i faktury"`);
		expect(ticketReceivedEmail({ ticketId: '12', kindLabel: 'błędnie zatrzymany post', onCallPaged: true, ticketUrl }))
			.toMatchInlineSnapshot(`
			{
			  "subject": "Przyjęliśmy zgłoszenie #12",
			  "text": "Dzień dobry,

			przyjęliśmy Twoje zgłoszenie #12 (błędnie zatrzymany post). Wysłaliśmy już SMS do osoby pełniącej dyżur, która zajmie się sprawą jak najszybciej.

			Wątek zgłoszenia: http://tablica.test/pomoc/12

			Zespół Tablicy",
			}
		`);
		expect(
			ticketReceivedEmail({ ticketId: '12', kindLabel: 'rozliczenia i faktury', onCallPaged: false, ticketUrl }).text
		).toMatchInlineSnapshot(`
			"Dzień dobry,

			przyjęliśmy Twoje zgłoszenie #12 (rozliczenia i faktury). Odpowiemy e-mailem.

			Wątek zgłoszenia: http://tablica.test/pomoc/12

			Zespół Tablicy"
		`);
	});

	it('the backup page counts minutes with the right plural', () => {
		expect([1, 2, 5, 15, 22].map((waitedMinutes) => backupPageSms({ ticketId: '12', waitedMinutes, ticketUrl })))
			.toMatchInlineSnapshot(`
			[
			  "PILNE: zgłoszenie #12 czeka od 1 minuty bez potwierdzenia osoby dyżurnej: http://tablica.test/pomoc/12",
			  "PILNE: zgłoszenie #12 czeka od 2 minut bez potwierdzenia osoby dyżurnej: http://tablica.test/pomoc/12",
			  "PILNE: zgłoszenie #12 czeka od 5 minut bez potwierdzenia osoby dyżurnej: http://tablica.test/pomoc/12",
			  "PILNE: zgłoszenie #12 czeka od 15 minut bez potwierdzenia osoby dyżurnej: http://tablica.test/pomoc/12",
			  "PILNE: zgłoszenie #12 czeka od 22 minut bez potwierdzenia osoby dyżurnej: http://tablica.test/pomoc/12",
			]
		`);
	});

	it('a staff reply and a post released from its ticket', () => {
		expect(staffReplyEmail({ ticketId: '12', body: 'Wysłaliśmy duplikat.', statusLabel: 'czeka na Ciebie', ticketUrl }))
			.toMatchInlineSnapshot(`
			{
			  "subject": "Odpowiedź w zgłoszeniu #12",
			  "text": "Dzień dobry,

			Wysłaliśmy duplikat.

			Stan zgłoszenia: czeka na Ciebie. Wątek: http://tablica.test/pomoc/12

			Zespół Tablicy",
			}
		`);
		expect(postReleasedMessage({ ticketId: '12', publishedAt: '3 grudnia 2026, 10:00', ticketUrl }))
			.toMatchInlineSnapshot(`
			{
			  "note": "Post ze zgłoszenia #12 został opublikowany 3 grudnia 2026, 10:00. Przepraszamy za zatrzymanie.",
			  "sms": "Tablica: Post ze zgłoszenia #12 został opublikowany 3 grudnia 2026, 10:00. Przepraszamy za zatrzymanie.",
			  "subject": "Twój post jest opublikowany (zgłoszenie #12)",
			  "text": "Dzień dobry,

			Post ze zgłoszenia #12 został opublikowany 3 grudnia 2026, 10:00. Przepraszamy za zatrzymanie.

			http://tablica.test/pomoc/12

			Zespół Tablicy",
			}
		`);
	});

	it('are gender-neutral', () => {
		const texts = [
			...[true, false].map((urgent) => newTicketSms({ ticketId: '1', kindLabel: 'k', urgent, ticketUrl })),
			...[true, false].map(
				(onCallPaged) => ticketReceivedEmail({ ticketId: '1', kindLabel: 'k', onCallPaged, ticketUrl }).text
			),
			backupPageSms({ ticketId: '1', waitedMinutes: 15, ticketUrl }),
			staffReplyEmail({ ticketId: '1', body: 'b', statusLabel: 's', ticketUrl }).text,
			...Object.values(postReleasedMessage({ ticketId: '1', publishedAt: 'd', ticketUrl }))
		];
		for (const t of texts) expect(genderedForms(t), t).toEqual([]);
	});
});
