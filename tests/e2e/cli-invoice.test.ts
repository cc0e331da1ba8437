import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFa3 } from '../../src/lib/server/billing/fa3-validate';
import { hasPdftotext, newDataDir, pdfText, runCli } from './harness';

const referenceDir = process.env.REFERENCE_DATA_DIR ?? path.resolve('../shared/data');
const dataDir = newDataDir();
const out = mkdtempSync(path.join(tmpdir(), 'tablica-invoice-'));
afterAll(() => {
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(out, { recursive: true, force: true });
});

describe('cli invoice-demo', () => {
	it('writes the demo municipality’s invoice for the current period as FA(3) XML and PDF, the same invoice on a second run', async () => {
		const first = await runCli(['invoice-demo', '--out', out], dataDir);
		expect(first.code, first.stderr).toBe(0);
		const files = readdirSync(out).sort();
		expect(files).toHaveLength(2);
		expect(files[0]).toMatch(/^FV_\d{4}_\d{2}_\d{4}\.pdf$/);
		expect(files[1]).toBe(files[0].replace('.pdf', '.xml'));
		const number = files[1].replace('.xml', '').replace(/_/g, '/');
		const xml = readFileSync(path.join(out, files[1]), 'utf8');
		expect(xml).toContain(`<P_2>${number}</P_2>`);
		expect(xml).toContain('<NIP>8381574008</NIP>');
		const check = validateFa3(xml, referenceDir);
		if (check) expect(check.ok, check.output).toBe(true);
		else console.warn('FA(3) schema or xmllint missing here: the XML is not validated');
		if (hasPdftotext) {
			const text = pdfText(readFileSync(path.join(out, files[0])));
			expect(text).toContain(`Faktura VAT nr ${number}`);
			expect(text).toContain('NIP: 838-157-40-08');
		}
		const second = await runCli(['invoice-demo', '--out', out], dataDir);
		expect(second.code).toBe(0);
		expect(readdirSync(out).sort()).toEqual(files);
	}, 180_000);

	it('refuses a missing --out with a Polish message', async () => {
		const r = await runCli(['invoice-demo'], dataDir);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('Podaj katalog');
	}, 60_000);
});
