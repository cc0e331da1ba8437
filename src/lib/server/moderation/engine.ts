import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Severity } from './findings';
import { formOf, tokenize } from './normalize';
import { findAbuse } from './abuse';
import { findHarmfulByModel } from './classifier';
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
}

/** Every finding for a text, in order of position. */
export function analyze(text: string, opts: EngineOptions = {}): Finding[] {
	const tokens = tokenize(text);
	const folded = foldKeepingOffsets(text);
	return [...findVulgarity(text, opts.lexicon, tokens), ...findPersonalData(text), ...findLinks(text), ...findNationalPolitics(text, folded), ...findAbuse(text, folded), ...findSpam(text, folded), ...findMisinformation(text, folded), ...findHarmfulByModel(text, tokens), ...findShouting(text)].sort((a, b) => a.start - b.start || a.end - b.end);
}

export type AuthorKind = 'resident' | 'new_member' | 'unit';

/**
 * The verdict on the content for a kind of author: residents' posts are held on any `hold` or
 * `block` finding; a unit's only on `block`. `info` never holds.
 */
export function verdict(findings: Finding[], author: AuthorKind): 'publish' | 'hold' {
	const worst = (s: Severity) => findings.some((f) => f.severity === s);
	if (worst('block')) return 'hold';
	if (author !== 'unit' && worst('hold')) return 'hold';
	return 'publish';
}

/** NASK's vulgarity lexicon from the reference data, if present (one word per line). */
export function loadLexicon(referenceDataDir: string | undefined): Set<string> {
	const file = referenceDataDir && path.join(referenceDataDir, 'moderation', 'polish_vulgarisms_extended_2.0.txt');
	if (!file || !existsSync(file)) return new Set();
	return new Set(readFileSync(file, 'utf8').split(/\r?\n/).map((w) => formOf(w.trim())).filter((w) => w.length >= 3));
}
