/**
 * Texts the moderation area sends by e-mail, with the in-app line where both say the same.
 * Pure: the caller passes names, full links, grounds as described and dates already formatted,
 * sends `notification` in the app and enqueues `{ to, subject, text }`.
 */
import type { Email } from '../notify/outbox';
import type { LogAction } from '../audit/audit-log';
import { automationStatement } from './automation';

type Mail = Omit<Email, 'to'>;

/** To each moderator of the group when the screening held something urgent. */
export const moderationAlertEmail = (d: {
	what: 'post' | 'komentarz';
	groupName: string;
	/** The in-app line: what was held and why. */
	detail: string;
	queueUrl: string;
}): Mail => ({
	subject: `Pilne: zatrzymany ${d.what} w grupie „${d.groupName}”`,
	text: [d.detail, '', `Kolejka moderacji: ${d.queueUrl}`].join('\n')
});

/** The restricted thing is a post or a comment (masculine) except for warn…ban, which are about "Twoje konto". */
const restrictionVerbs: Partial<Record<LogAction, string>> = {
	reject: 'nie został opublikowany',
	remove: 'został usunięty',
	hide: 'został ukryty do czasu decyzji moderatora',
	warn: 'otrzymało ostrzeżenie',
	mute: 'nie może czasowo publikować ani komentować',
	suspend: 'ma czasowo zawieszony udział w grupie',
	ban: 'zostało wykluczone z grupy'
};

/** The same for a sanction with its end date, said once in the sentence. */
const sanctionVerbs: Partial<Record<LogAction, (until: string) => string>> = {
	warn: (until) => `otrzymało ostrzeżenie ważne do ${until}`,
	mute: (until) => `nie może publikować ani komentować do ${until}`,
	suspend: (until) => `ma zawieszony udział w grupie do ${until}`,
	ban: (until) => `zostało wykluczone z grupy do ${until}`
};

/**
 * A restriction of someone's content or account (DSA Art. 17): the in-app line and the statement
 * of reasons by e-mail, with the way to appeal. Each fact once: what happened (and until when),
 * the ground, the moderator's reason, how the matter came up and whether automated means were used.
 */
export function restrictionMessage(d: {
	/** "Twój post w grupie „…”", "Twoje konto w grupie „…”" */
	what: string;
	action: LogAction;
	groupName: string;
	/** The ground as described to people ("treść nielegalna: …"). */
	ground: string;
	facts?: string | null;
	/** A sanction's end, formatted ("3 grudnia 2026"). */
	until?: string;
	/** A sanction: the post or comment it was imposed for (null: the moderator's own decision). */
	sanctionFor?: 'post' | 'comment' | null;
	automatedDetection?: boolean;
	automatedDecision?: boolean;
	/** A person's report led to the decision. */
	basedOnReport?: boolean;
	appealMonths: number;
	decisionUrl: string;
}): Mail & { notification: string } {
	const withEnd = d.until ? sanctionVerbs[d.action]?.(d.until) : undefined;
	const sentence = `${d.what} ${withEnd ?? restrictionVerbs[d.action] ?? 'został ograniczony'}.`;
	const automation = automationStatement({
		automatedDetection: !!d.automatedDetection,
		automatedDecision: !!d.automatedDecision,
		basedOnReport: !!d.basedOnReport,
		sanctionFor: d.sanctionFor
	});
	return {
		notification: sentence,
		subject: `Decyzja moderatora w grupie „${d.groupName}” — uzasadnienie`,
		text: [
			'Dzień dobry,',
			'',
			sentence,
			`Podstawa: ${d.ground}.`,
			d.facts ? `Uzasadnienie: ${d.facts}` : '',
			'',
			automation.detection,
			automation.decision,
			'',
			`Pełne uzasadnienie i formularz odwołania (${d.appealMonths} miesięcy na złożenie): ${d.decisionUrl}`,
			'',
			'Zespół Tablicy'
		]
			.filter((l, i, all) => l !== '' || all[i - 1] !== '')
			.join('\n')
	};
}

/** The appellant learns the outcome of an appeal, in the app and by e-mail. */
export function appealDecidedMessage(d: {
	reversed: boolean;
	/** What the appealed decision restricted. */
	scope: 'post' | 'comment' | 'account';
	/** When the appealed decision was made, formatted. */
	decidedAt: string;
	why: string;
	groupName: string;
	decisionUrl: string;
}): Mail & { notification: string } {
	const restored = {
		comment: 'komentarz jest znów widoczny',
		post: 'post jest znów widoczny',
		account: 'sankcja została zniesiona i konto jest znów aktywne'
	};
	const sentence = d.reversed
		? `Uwzględniliśmy Twoje odwołanie od decyzji z ${d.decidedAt} — ${restored[d.scope]}. Uzasadnienie: ${d.why}`
		: `Nie uwzględniliśmy Twojego odwołania od decyzji z ${d.decidedAt}. Uzasadnienie: ${d.why}`;
	return {
		notification: sentence,
		subject: `Rozpatrzyliśmy Twoje odwołanie — grupa „${d.groupName}”`,
		text: [
			'Dzień dobry,',
			'',
			sentence,
			'',
			`Szczegóły: ${d.decisionUrl}`,
			'',
			'Jeśli nie zgadzasz się z rozstrzygnięciem, możesz skorzystać z pozasądowego rozstrzygania sporów (art. 21 aktu o usługach cyfrowych) albo drogi sądowej.',
			'',
			'Zespół Tablicy'
		].join('\n')
	};
}

/** The reporter's acknowledgement of a report, in the app and by e-mail. */
export function reportReceivedMessage(d: {
	reportId: string;
	/** The ground's label as shown in the form ("Treść nielegalna"). */
	groundLabel: string;
	groupName: string;
	explanation: string;
}): Mail & { notification: string } {
	const ack = `Otrzymaliśmy Twoje zgłoszenie nr ${d.reportId} (${d.groundLabel.toLowerCase()}). Moderatorzy grupy „${d.groupName}” je rozpatrzą i powiadomimy Cię o decyzji.`;
	return {
		notification: ack,
		subject: `Potwierdzenie zgłoszenia nr ${d.reportId}`,
		text: ['Dzień dobry,', '', ack, '', `Twoje wyjaśnienie: ${d.explanation}`, '', 'Zespół Tablicy'].join('\n')
	};
}

/** Each reporter learns what became of the reported post or comment. */
export function reportDecidedMessage(d: {
	reportId: string;
	target: 'post' | 'comment';
	removed: boolean;
	/** The ground of a removal, as described to people. */
	ground: string;
	/** Why it stays (optional). */
	reason?: string | null;
}): Mail & { notification: string } {
	const thing = d.target === 'post' ? 'post' : 'komentarz';
	const outcome = d.removed
		? `Rozpatrzyliśmy Twoje zgłoszenie: ${thing} został usunięty (${d.ground}).`
		: `Rozpatrzyliśmy Twoje zgłoszenie: w ocenie moderacji ${thing} nie narusza regulaminu ani prawa i pozostaje widoczny.${d.reason ? ` Uzasadnienie: ${d.reason}` : ''}`;
	return {
		notification: `${outcome} (zgłoszenie nr ${d.reportId})`,
		subject: `Decyzja w sprawie zgłoszenia nr ${d.reportId}`,
		text: ['Dzień dobry,', '', outcome, '', 'Zespół Tablicy'].join('\n')
	};
}
