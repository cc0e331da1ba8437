import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Category, Finding } from './findings';
import { formOf, tokenize } from './normalize';
import { findAbuse } from './abuse';
import { findHarmfulByModel, type Model } from './classifier';
import { findLinks } from './links';
import { findMisinformation } from './misinformation';
import { findPersonalData } from './personal-data';
import { findNationalPolitics, foldKeepingOffsets } from './politics';
import { findShouting } from './shouting';
import { findSpam } from './spam';
import { findVulgarity } from './vulgarity';

export interface EngineOptions {
	/** Extra vulgar word forms (matching form), e.g. NASK's lexicon when the reference data is there. */
	lexicon?: Set<string>;
	/** The model to score with; the committed one by default (training compares others). */
	model?: Model;
}

/** Every finding for a text, in order of position. */
export function analyze(text: string, opts: EngineOptions = {}): Finding[] {
	const tokens = tokenize(text);
	const folded = foldKeepingOffsets(text);
	return [
		...findVulgarity(text, opts.lexicon, tokens),
		...findPersonalData(text),
		...findLinks(text),
		...findNationalPolitics(text, folded),
		...findAbuse(text, folded),
		...findSpam(text, folded),
		...findMisinformation(text, folded),
		...findHarmfulByModel(text, tokens, opts.model),
		...findShouting(text)
	].sort((a, b) => a.start - b.start || a.end - b.end);
}

export type AuthorKind = 'resident' | 'new_member' | 'unit';

// What a unit may not publish either: campaigning, hate and threats are held even from the office.
const heldFromUnits = new Set<Category>(['national_politics', 'hate', 'threat']);

/** Whether a finding holds this kind of author's text: residents on any `hold` or `block`; a unit on
 * `block` and on national politics, hate or threats. `info` never holds. */
export function holds(f: Finding, author: AuthorKind): boolean {
	if (f.severity === 'block') return true;
	return f.severity === 'hold' && (author !== 'unit' || heldFromUnits.has(f.category));
}

/** The verdict on the content for a kind of author. */
export function verdict(findings: Finding[], author: AuthorKind): 'publish' | 'hold' {
	return findings.some((f) => holds(f, author)) ? 'hold' : 'publish';
}

/** NASK's vulgarity lexicon from the reference data, if present (one word per line). */
export function loadLexicon(referenceDataDir: string | undefined): Set<string> {
	const file = referenceDataDir && path.join(referenceDataDir, 'moderation', 'polish_vulgarisms_extended_2.0.txt');
	if (!file || !existsSync(file)) return new Set();
	return new Set(
		readFileSync(file, 'utf8')
			.split(/\r?\n/)
			.map((w) => formOf(w.trim()))
			.filter((w) => w.length >= 3)
	);
}
