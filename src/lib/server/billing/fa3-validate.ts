import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Validates FA(3) XML against the official schema offline with xmllint (Debian libxml2-utils),
 * the schema's remote import mapped to the local copy by its catalog. null when the schema
 * (reference data) or xmllint is not on this machine.
 */
export function validateFa3(xml: string, referenceDataDir: string | undefined): { ok: boolean; output: string } | null {
	const dir = referenceDataDir ? path.join(referenceDataDir, 'ksef') : null;
	if (!dir || !existsSync(path.join(dir, 'schemat_FA3_v1-0E.xsd'))) return null;
	if (spawnSync('xmllint', ['--version']).error) return null;
	const work = mkdtempSync(path.join(tmpdir(), 'fa3-'));
	try {
		const file = path.join(work, 'faktura.xml');
		writeFileSync(file, xml);
		const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(dir, 'schemat_FA3_v1-0E.xsd'), file], {
			env: { ...process.env, XML_CATALOG_FILES: path.join(dir, 'catalog.xml') },
			encoding: 'utf8'
		});
		return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
