/**
 * What a statement of reasons says about automated means (DSA Art. 17(3)(c)): whether they
 * detected the content, and whether they took the decision. The facts come from the content's own
 * history in the audit log (`moderation_log.automated_detection`, `automated_decision`,
 * `report_id`), so the page and the e-mail say the same, true thing.
 */
export interface AutomationFacts {
	/** The engine held or flagged the content when it was sent. */
	automatedDetection: boolean;
	/** No person decided: the engine's hold, or a comment hidden after enough reports. */
	automatedDecision: boolean;
	/** A person reported the content (a notice under Art. 16). */
	basedOnReport: boolean;
}

export function automationStatement(a: AutomationFacts): { detection: string; decision: string } {
	const detection = a.automatedDetection
		? 'Treść wykrył automatyczny system moderacji, gdy została wysłana (użyto środków zautomatyzowanych).'
		: a.basedOnReport
			? 'Treść zgłosiła osoba korzystająca z serwisu; do jej wykrycia nie użyto środków zautomatyzowanych.'
			: 'Treść zauważyła osoba moderująca grupę; do jej wykrycia nie użyto środków zautomatyzowanych.';
	const decision = a.automatedDecision
		? 'Decyzję podjął automatyczny system (środki zautomatyzowane); w odwołaniu oceni ją człowiek.'
		: 'Decyzję podjęła osoba moderująca grupę, bez środków zautomatyzowanych.';
	return { detection, decision };
}
