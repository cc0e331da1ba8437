import { describe, expect, it } from 'vitest';
import { genderedForms } from '../text/gendered';
import type { LogAction } from '../audit/audit-log';
import {
	appealDecidedMessage,
	moderationAlertEmail,
	reportDecidedMessage,
	reportReceivedMessage,
	restrictionMessage
} from './messages';

const decisionUrl = 'http://tablica.test/decyzje/42';
const restriction = (what: string, action: LogAction, more: Partial<Parameters<typeof restrictionMessage>[0]> = {}) =>
	restrictionMessage({
		what,
		action,
		groupName: 'Wiskitki',
		ground: 'naruszenie regulaminu: obraźliwe treści',
		appealMonths: 6,
		decisionUrl,
		...more
	});

describe('moderation messages', () => {
	it('the urgent alert to moderators', () => {
		expect(
			moderationAlertEmail({
				what: 'komentarz',
				groupName: 'Wiskitki',
				detail: 'Pilne: komentarz w grupie „Wiskitki” zatrzymany — Groźba wobec osoby.',
				queueUrl: 'http://tablica.test/moderacja?grupa=wiskitki'
			})
		).toMatchInlineSnapshot(`
			{
			  "subject": "Pilne: zatrzymany komentarz w grupie „Wiskitki”",
			  "text": "Pilne: komentarz w grupie „Wiskitki” zatrzymany — Groźba wobec osoby.

			Kolejka moderacji: http://tablica.test/moderacja?grupa=wiskitki",
			}
		`);
	});

	it('the statement of reasons, by a moderator and by the automated system', () => {
		expect(restriction('Twój komentarz w grupie „Wiskitki”', 'remove', { facts: 'Wyzwiska pod adresem sąsiada.' }))
			.toMatchInlineSnapshot(`
				{
				  "notification": "Twój komentarz w grupie „Wiskitki” został usunięty.",
				  "subject": "Decyzja moderatora w grupie „Wiskitki” — uzasadnienie",
				  "text": "Dzień dobry,

				Twój komentarz w grupie „Wiskitki” został usunięty.
				Podstawa: naruszenie regulaminu: obraźliwe treści.
				Uzasadnienie: Wyzwiska pod adresem sąsiada.

				Treść zauważyła osoba moderująca grupę; do jej wykrycia nie użyto środków zautomatyzowanych.
				Decyzję podjęła osoba moderująca grupę, bez środków zautomatyzowanych.

				Pełne uzasadnienie i formularz odwołania (6 miesięcy na złożenie): http://tablica.test/decyzje/42

				Zespół Tablicy",
				}
			`);
		expect(
			restriction('Twój post w grupie „Wiskitki”', 'reject', { automatedDetection: true, automatedDecision: true })
		).toMatchInlineSnapshot(`
			{
			  "notification": "Twój post w grupie „Wiskitki” nie został opublikowany.",
			  "subject": "Decyzja moderatora w grupie „Wiskitki” — uzasadnienie",
			  "text": "Dzień dobry,

			Twój post w grupie „Wiskitki” nie został opublikowany.
			Podstawa: naruszenie regulaminu: obraźliwe treści.

			Treść wykrył automatyczny system moderacji, gdy została wysłana (użyto środków zautomatyzowanych).
			Decyzję podjął automatyczny system (środki zautomatyzowane); w odwołaniu oceni ją człowiek.

			Pełne uzasadnienie i formularz odwołania (6 miesięcy na złożenie): http://tablica.test/decyzje/42

			Zespół Tablicy",
			}
		`);
	});

	it('the first sentence agrees with what was restricted', () => {
		const account = 'Twoje konto w grupie „Wiskitki”';
		expect((['warn', 'mute', 'suspend', 'ban'] as const).map((a) => restriction(account, a).notification))
			.toMatchInlineSnapshot(`
			[
			  "Twoje konto w grupie „Wiskitki” otrzymało ostrzeżenie.",
			  "Twoje konto w grupie „Wiskitki” nie może czasowo publikować ani komentować.",
			  "Twoje konto w grupie „Wiskitki” ma czasowo zawieszony udział w grupie.",
			  "Twoje konto w grupie „Wiskitki” zostało wykluczone z grupy.",
			]
		`);
		expect((['reject', 'remove', 'hide'] as const).map((a) => restriction('Twój post', a).notification))
			.toMatchInlineSnapshot(`
			[
			  "Twój post nie został opublikowany.",
			  "Twój post został usunięty.",
			  "Twój post został ukryty do czasu decyzji moderatora.",
			]
		`);
	});

	it('a sanction: its kind and end said once, in the first sentence; what it was imposed for and how that came up', () => {
		expect(
			restriction('Twoje konto w grupie „Wiskitki”', 'mute', {
				facts: 'Wyzwiska pod adresem sąsiada.',
				until: '3 grudnia 2026',
				sanctionFor: 'comment',
				basedOnReport: true
			})
		).toMatchInlineSnapshot(`
			{
			  "notification": "Twoje konto w grupie „Wiskitki” nie może publikować ani komentować do 3 grudnia 2026.",
			  "subject": "Decyzja moderatora w grupie „Wiskitki” — uzasadnienie",
			  "text": "Dzień dobry,

			Twoje konto w grupie „Wiskitki” nie może publikować ani komentować do 3 grudnia 2026.
			Podstawa: naruszenie regulaminu: obraźliwe treści.
			Uzasadnienie: Wyzwiska pod adresem sąsiada.

			Sankcję nałożono w związku z komentarzem, który zgłosiła osoba korzystająca z serwisu; do jego wykrycia nie użyto środków zautomatyzowanych.
			Decyzję podjęła osoba moderująca grupę, bez środków zautomatyzowanych.

			Pełne uzasadnienie i formularz odwołania (6 miesięcy na złożenie): http://tablica.test/decyzje/42

			Zespół Tablicy",
			}
		`);
		expect(
			(['warn', 'suspend', 'ban'] as const).map(
				(a) => restriction('Twoje konto w grupie „Wiskitki”', a, { until: '3 grudnia 2026' }).notification
			)
		).toMatchInlineSnapshot(`
			[
			  "Twoje konto w grupie „Wiskitki” otrzymało ostrzeżenie ważne do 3 grudnia 2026.",
			  "Twoje konto w grupie „Wiskitki” ma zawieszony udział w grupie do 3 grudnia 2026.",
			  "Twoje konto w grupie „Wiskitki” zostało wykluczone z grupy do 3 grudnia 2026.",
			]
		`);
	});

	it('the outcome of an appeal', () => {
		const base = {
			decidedAt: '3 grudnia 2026, 10:00',
			why: 'Komentarz był ironiczny.',
			groupName: 'Wiskitki',
			decisionUrl
		};
		expect(appealDecidedMessage({ ...base, reversed: true, scope: 'comment' })).toMatchInlineSnapshot(`
			{
			  "notification": "Uwzględniliśmy Twoje odwołanie od decyzji z 3 grudnia 2026, 10:00 — komentarz jest znów widoczny. Uzasadnienie: Komentarz był ironiczny.",
			  "subject": "Rozpatrzyliśmy Twoje odwołanie — grupa „Wiskitki”",
			  "text": "Dzień dobry,

			Uwzględniliśmy Twoje odwołanie od decyzji z 3 grudnia 2026, 10:00 — komentarz jest znów widoczny. Uzasadnienie: Komentarz był ironiczny.

			Szczegóły: http://tablica.test/decyzje/42

			Jeśli nie zgadzasz się z rozstrzygnięciem, możesz skorzystać z pozasądowego rozstrzygania sporów (art. 21 aktu o usługach cyfrowych) albo drogi sądowej.

			Zespół Tablicy",
			}
		`);
		expect(
			(['post', 'account'] as const).map(
				(scope) => appealDecidedMessage({ ...base, reversed: true, scope }).notification
			)
		).toMatchInlineSnapshot(`
			[
			  "Uwzględniliśmy Twoje odwołanie od decyzji z 3 grudnia 2026, 10:00 — post jest znów widoczny. Uzasadnienie: Komentarz był ironiczny.",
			  "Uwzględniliśmy Twoje odwołanie od decyzji z 3 grudnia 2026, 10:00 — sankcja została zniesiona i konto jest znów aktywne. Uzasadnienie: Komentarz był ironiczny.",
			]
		`);
		expect(appealDecidedMessage({ ...base, reversed: false, scope: 'post' }).notification).toMatchInlineSnapshot(
			`"Nie uwzględniliśmy Twojego odwołania od decyzji z 3 grudnia 2026, 10:00. Uzasadnienie: Komentarz był ironiczny."`
		);
	});

	it('the report: received, then decided', () => {
		expect(
			reportReceivedMessage({
				reportId: '7',
				groundLabel: 'Treść nielegalna',
				groupName: 'Wiskitki',
				explanation: 'Groźby wobec sąsiada.'
			})
		).toMatchInlineSnapshot(`
			{
			  "notification": "Otrzymaliśmy Twoje zgłoszenie nr 7 (treść nielegalna). Moderatorzy grupy „Wiskitki” je rozpatrzą i powiadomimy Cię o decyzji.",
			  "subject": "Potwierdzenie zgłoszenia nr 7",
			  "text": "Dzień dobry,

			Otrzymaliśmy Twoje zgłoszenie nr 7 (treść nielegalna). Moderatorzy grupy „Wiskitki” je rozpatrzą i powiadomimy Cię o decyzji.

			Twoje wyjaśnienie: Groźby wobec sąsiada.

			Zespół Tablicy",
			}
		`);
		expect(
			reportDecidedMessage({ reportId: '7', target: 'comment', removed: true, ground: 'treść nielegalna: groźba' })
		).toMatchInlineSnapshot(`
			{
			  "notification": "Rozpatrzyliśmy Twoje zgłoszenie: komentarz został usunięty (treść nielegalna: groźba). (zgłoszenie nr 7)",
			  "subject": "Decyzja w sprawie zgłoszenia nr 7",
			  "text": "Dzień dobry,

			Rozpatrzyliśmy Twoje zgłoszenie: komentarz został usunięty (treść nielegalna: groźba).

			Zespół Tablicy",
			}
		`);
		expect(
			reportDecidedMessage({
				reportId: '7',
				target: 'post',
				removed: false,
				ground: '',
				reason: 'To krytyka decyzji gminy.'
			}).notification
		).toMatchInlineSnapshot(
			`"Rozpatrzyliśmy Twoje zgłoszenie: w ocenie moderacji post nie narusza regulaminu ani prawa i pozostaje widoczny. Uzasadnienie: To krytyka decyzji gminy. (zgłoszenie nr 7)"`
		);
	});

	it('are gender-neutral', () => {
		const texts = [
			...(['reject', 'remove', 'hide', 'warn', 'mute', 'suspend', 'ban'] as const).flatMap((a) => {
				const m = restriction('Twoje konto', a, { facts: 'x', automatedDetection: true });
				const auto = restriction('Twój post', a, { automatedDecision: true });
				return [m.subject, m.text, auto.text];
			}),
			...[true, false].flatMap((reversed) =>
				(['post', 'comment', 'account'] as const).map(
					(scope) =>
						appealDecidedMessage({ reversed, scope, decidedAt: 'd', why: 'w', groupName: 'g', decisionUrl }).text
				)
			),
			reportReceivedMessage({ reportId: '1', groundLabel: 'Spam', groupName: 'g', explanation: 'e' }).text,
			...[true, false].flatMap((removed) =>
				(['post', 'comment'] as const).map(
					(target) => reportDecidedMessage({ reportId: '1', target, removed, ground: 'g', reason: 'r' }).text
				)
			),
			moderationAlertEmail({ what: 'post', groupName: 'g', detail: 'd', queueUrl: 'u' }).text
		];
		for (const t of texts) expect(genderedForms(t), t).toEqual([]);
	});
});
