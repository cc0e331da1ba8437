import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The PDF's text laid out as on the page (pdftotext -layout), or null without poppler-utils. */
export function layoutText(bytes: Buffer): string | null {
	const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
	const file = path.join(dir, 'doc.pdf');
	writeFileSync(file, bytes);
	try {
		return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	} catch {
		console.warn('pdftotext (Debian poppler-utils) is missing: the PDF text is not checked here');
		return null;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
