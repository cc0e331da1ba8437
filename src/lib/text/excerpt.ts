/** The first words of a text, at most about `max` characters, on one line. */
export function excerpt(body: string, max = 160): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** A post's first non-empty line, shortened as `excerpt` does: a title for an event or a poll. */
export const firstLine = (body: string, max: number) => excerpt(body.split('\n').find((l) => l.trim()) ?? '', max);
