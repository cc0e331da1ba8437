/**
 * Which of many fixed strings occur in a text, in one pass: an index of the strings by their
 * first two characters, tried at every position. Rules check their cheap "gate" strings here
 * before running their regular expressions; a `includes()` per string cost a short comment
 * tens of microseconds once there were a few hundred of them.
 */
export class Gates {
	private readonly byStart = new Map<number, string[]>();
	private readonly single: string[] = [];

	constructor(strings: Iterable<string>) {
		for (const s of new Set(strings)) {
			if (s.length < 2) {
				if (s.length === 1) this.single.push(s);
				continue;
			}
			const key = s.charCodeAt(0) * 65536 + s.charCodeAt(1);
			const list = this.byStart.get(key) ?? [];
			list.push(s);
			this.byStart.set(key, list);
		}
	}

	/** The strings that occur in the text. */
	present(text: string): Set<string> {
		const found = new Set<string>();
		for (const s of this.single) if (text.includes(s)) found.add(s);
		for (let i = 0; i < text.length - 1; i++) {
			const list = this.byStart.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
			if (!list) continue;
			for (const s of list) if (!found.has(s) && text.startsWith(s, i)) found.add(s);
		}
		return found;
	}
}
