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
	return dir ? validateXml(xml, path.join(dir, 'schemat_FA3_v1-0E.xsd'), path.join(dir, 'catalog.xml')) : null;
}

/** A KSeF receipt (UPO) against `upo-v4-3.xsd`; null without the reference data or xmllint. */
export function validateUpo(xml: string, referenceDataDir: string | undefined): { ok: boolean; output: string } | null {
	return referenceDataDir
		? validateXml(xml, path.join(referenceDataDir, 'ksef', 'api', 'faktury', 'upo', 'schemy', 'upo-v4-3.xsd'))
		: null;
}

function validateXml(xml: string, schema: string, catalog?: string): { ok: boolean; output: string } | null {
	if (!existsSync(schema)) return null;
	if (spawnSync('xmllint', ['--version']).error) return null;
	const work = mkdtempSync(path.join(tmpdir(), 'xsd-'));
	try {
		const file = path.join(work, 'dokument.xml');
		writeFileSync(file, xml);
		const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, file], {
			env: catalog ? { ...process.env, XML_CATALOG_FILES: catalog } : process.env,
			encoding: 'utf8'
		});
		return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
