/**
 * RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks. Blank lines are
 * skipped. Polish spreadsheets separate with semicolons.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endRow = () => {
		row.push(field);
		if (row.length > 1 || row[0].trim() !== '') rows.push(row);
		row = [];
		field = '';
	};
	const src = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			endRow();
		} else field += c;
	}
	if (field !== '' || row.length > 0) endRow();
	return rows;
}

/** CSV for spreadsheets set to Polish: semicolons, a BOM so Excel reads UTF-8, CRLF lines. */
export function toCsv(header: string[], rows: (string | number | null)[][]): Buffer {
	const cell = (v: string | number | null) => {
		const s = v === null ? '' : String(v);
		return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return Buffer.from('\ufeff' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n', 'utf8');
}
