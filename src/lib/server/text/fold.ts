const polish: Record<string, string> = { ł: 'l', Ł: 'l', ß: 'ss', æ: 'ae', ø: 'o', đ: 'd' };

/** Lower case without diacritics, for search that ignores them: "Żółw" → "zolw". */
export function foldText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[łŁßæøđ]/g, (c) => polish[c])
		.toLowerCase();
}
