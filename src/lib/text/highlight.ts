export interface Span {
	start: number;
	end: number;
	severity: 'info' | 'hold' | 'block';
	message: string;
}

/** A text cut at the spans the moderation engine found, for `<mark>`: overlapping spans keep the first. */
export function splitAtFindings<T extends Span>(text: string, findings: T[]): { text: string; hint?: T }[] {
	const out: { text: string; hint?: T }[] = [];
	let at = 0;
	for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
		// A finding about the whole text (shouting) is a hint, not a highlight.
		if (f.start < at || f.end - f.start >= text.length || f.end > text.length) continue;
		if (f.start > at) out.push({ text: text.slice(at, f.start) });
		out.push({ text: text.slice(f.start, f.end), hint: f });
		at = f.end;
	}
	if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
	return out;
}
