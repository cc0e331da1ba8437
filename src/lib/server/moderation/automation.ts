/**
 * What a statement of reasons says about how the matter came up and about automated means
 * (DSA Art. 17(3)(b) and (c)): whether a person's notice, the engine or a moderator's own look
 * brought the content to the decision, and whether a person or the engine decided. The facts come
 * from the history in the audit log (`moderation_log.automated_detection`, `automated_decision`,
 * `report_id`; for a sanction also the post or comment it was imposed for, `sanctions.post_id`,
 * `comment_id`), so the page and the e-mail say the same, true thing, each fact once.
 */
export interface AutomationFacts {
	/** The engine held or flagged the content when it was sent. */
	automatedDetection: boolean;
	/** No person decided: the engine's hold, or a comment hidden after enough reports. */
	automatedDecision: boolean;
	/** A person reported the content (a notice under Art. 16). */
	basedOnReport: boolean;
	/**
	 * A sanction on the person's account rather than a decision on content: what it was imposed
	 * for (`null`: nothing in particular, the moderator's own decision).
	 */
	sanctionFor?: 'post' | 'comment' | null;
}

const AUTOMATED = 'użyto środków zautomatyzowanych';
const NOT_AUTOMATED = 'nie użyto środków zautomatyzowanych';

/** The post or comment a sanction was imposed for (both masculine nouns, so the sentences agree). */
const basis = { post: 'postem', comment: 'komentarzem' } as const;

export function automationStatement(a: AutomationFacts): { detection: string; decision: string } {
	return { detection: a.sanctionFor === undefined ? contentDetection(a) : sanctionDetection(a), decision: decision(a) };
}

function contentDetection(a: AutomationFacts): string {
	if (a.automatedDetection)
		return `Treść wykrył automatyczny system moderacji, gdy została wysłana (${AUTOMATED}).${a.basedOnReport ? ' Zgłosiła ją też osoba korzystająca z serwisu.' : ''}`;
	return a.basedOnReport
		? `Treść zgłosiła osoba korzystająca z serwisu; do jej wykrycia ${NOT_AUTOMATED}.`
		: `Treść zauważyła osoba moderująca grupę; do jej wykrycia ${NOT_AUTOMATED}.`;
}

function sanctionDetection(a: AutomationFacts): string {
	if (!a.sanctionFor) return `Osoba moderująca grupę nałożyła sankcję z własnej inicjatywy; ${NOT_AUTOMATED}.`;
	const what = basis[a.sanctionFor];
	if (a.automatedDetection)
		return `Sankcję nałożono w związku z ${what}, który wykrył automatyczny system moderacji, gdy został wysłany (${AUTOMATED}).${a.basedOnReport ? ' Zgłosiła go też osoba korzystająca z serwisu.' : ''}`;
	return a.basedOnReport
		? `Sankcję nałożono w związku z ${what}, który zgłosiła osoba korzystająca z serwisu; do jego wykrycia ${NOT_AUTOMATED}.`
		: `Osoba moderująca grupę nałożyła sankcję z własnej inicjatywy, w związku z ${what}, który zauważyła; do jego wykrycia ${NOT_AUTOMATED}.`;
}

function decision(a: AutomationFacts): string {
	return a.automatedDecision
		? 'Decyzję podjął automatyczny system (środki zautomatyzowane); w odwołaniu oceni ją człowiek.'
		: 'Decyzję podjęła osoba moderująca grupę, bez środków zautomatyzowanych.';
}
