export type Category =
	| 'vulgarity'
	| 'insult'
	| 'hate'
	| 'threat'
	| 'national_politics'
	| 'spam'
	| 'commercial'
	| 'personal_data'
	| 'misinformation'
	| 'shouting'
	| 'link'
	/** A group's own word and phrase list. */
	| 'word_list';

export type Severity = 'info' | 'hold' | 'block';

/** One thing the engine noticed: which rule, how serious, where exactly, and what to do. */
export interface Finding {
	rule: string;
	category: Category;
	severity: Severity;
	/** Span in the original text (UTF-16 offsets, end exclusive). */
	start: number;
	end: number;
	/** Polish: what was found and how to rewrite it. */
	message: string;
	/** The model's calibrated probability, for its findings (shown to moderators, never to the author). */
	score?: number;
}
