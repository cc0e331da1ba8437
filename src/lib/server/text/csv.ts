/**
 * RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks. Blank lines are
 * skipped. Polish spreadsheets separate with semicolons.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
	return parseCsvLines(text, separator).map((r) => r.cells);
}

/** As `parseCsv`, with the line of the file each row starts on (1-based, blank lines counted), for messages. */
export function parseCsvLines(text: string, separator: ',' | ';' = ','): { line: number; cells: string[] }[] {
	const rows: { line: number; cells: string[] }[] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	const endRow = () => {
		row.push(field);
		if (row.length > 1 || row[0].trim() !== '') rows.push({ line: rowLine, cells: row });
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
			else {
				if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
				field += c;
			}
		} else if (c === '"') quoted = true;
		else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			endRow();
			rowLine = ++line;
		} else field += c;
	}
	if (field !== '' || row.length > 0) endRow();
	return rows;
}

/** A text file as uploaded: UTF-8 (with or without a BOM), else Windows-1250, as older Polish Excel saves CSV. */
export function decodeTextFile(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1250').decode(bytes);
	}
}

/** CSV for spreadsheets set to Polish: semicolons, a BOM so Excel reads UTF-8, CRLF lines. */
export function toCsv(header: string[], rows: (string | number | null)[][]): Buffer {
	const cell = (v: string | number | null) => {
		const s = v === null ? '' : String(v);
		return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return Buffer.from('\ufeff' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n', 'utf8');
}
