import type { Model } from './classifier';
import { harmfulLabels, type CorpusItem, type HarmfulLabel } from './corpus';
import { analyze, verdict } from './engine';
import type { Category, Finding } from './findings';

/** Which corpus label an engine category counts for (links and ads are spam's). */
export const labelOf: Partial<Record<Category, HarmfulLabel>> = {
	vulgarity: 'vulgarity',
	insult: 'insult',
	hate: 'hate',
	threat: 'threat',
	spam: 'spam',
	link: 'spam',
	commercial: 'spam',
	misinformation: 'misinformation',
	national_politics: 'national_politics'
};

export interface Judged {
	item: CorpusItem;
	held: boolean;
	findings: Finding[];
	/** Labels named by the findings that hold. */
	named: Set<HarmfulLabel>;
}

export interface CategoryFigures {
	label: HarmfulLabel;
	/** Items of this label. */
	total: number;
	/** Of them held (for any reason): what a municipality sees. */
	held: number;
	recall: number;
	/** Of the items the engine named this category, how many are of it. */
	precision: number;
}

export interface Figures {
	ordinary: { total: number; held: number; share: number };
	harmful: { total: number; held: number; recall: number };
	categories: CategoryFigures[];
	judged: Judged[];
}

/** The engine (rules and model) on corpus items, each judged as its author would be. */
export function evaluate(items: CorpusItem[], opts: { lexicon?: Set<string>; model?: Model } = {}): Figures {
	const judged = items.map((item) => {
		const findings = analyze(item.text, opts);
		const holding = findings.filter((f) => f.severity !== 'info');
		const named = new Set(holding.map((f) => labelOf[f.category]).filter((l): l is HarmfulLabel => !!l));
		return { item, findings, named, held: verdict(findings, item.author) === 'hold' };
	});
	const ordinary = judged.filter((j) => j.item.label === 'ordinary');
	const harmful = judged.filter((j) => j.item.label !== 'ordinary');
	const categories = harmfulLabels.map((label) => {
		const of = judged.filter((j) => j.item.label === label);
		const named = judged.filter((j) => j.named.has(label));
		const held = of.filter((j) => j.held).length;
		return {
			label,
			total: of.length,
			held,
			recall: of.length ? held / of.length : 0,
			precision: named.length ? named.filter((j) => j.item.label === label).length / named.length : 0
		};
	});
	const heldOrdinary = ordinary.filter((j) => j.held).length;
	const heldHarmful = harmful.filter((j) => j.held).length;
	return {
		ordinary: {
			total: ordinary.length,
			held: heldOrdinary,
			share: ordinary.length ? heldOrdinary / ordinary.length : 0
		},
		harmful: { total: harmful.length, held: heldHarmful, recall: harmful.length ? heldHarmful / harmful.length : 0 },
		categories,
		judged
	};
}
