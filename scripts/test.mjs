// `npm test`: the unit and integration suite, then the browser and HTTP suite; one summary line.
// Extra arguments go to both vitest runs (e.g. a file filter); TEST_SUITES=unit runs the first only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './ensure-build.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'tablica-test-'));
const suites = [
	{ name: 'unit', args: [] },
	{ name: 'e2e', args: ['--config', 'vitest.e2e.config.ts'] }
].filter((s) => !process.env.TEST_SUITES || process.env.TEST_SUITES.split(',').includes(s.name));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
// vitest's messages carry ANSI colours.
const ansi = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');
let ok = true;
for (const suite of suites) {
	const report = path.join(out, `${suite.name}.json`);
	const r = spawnSync(
		process.execPath,
		[
			path.join(root, 'node_modules/vitest/vitest.mjs'),
			'run',
			...suite.args,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${report}`,
			...process.argv.slice(2)
		],
		{ cwd: root, stdio: 'inherit' }
	);
	if (r.status !== 0) ok = false;
	if (existsSync(report)) {
		const j = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += j.numPassedTests;
		totals.failed += j.numFailedTests;
		totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
		failures.push(...failuresOf(j, suite.name));
	}
}
if (!ok && totals.failed === 0) console.log('\nvitest reported errors outside the tests (see above).');
// Repeated at the end so a CI log cut to its last lines still names what failed and why.
if (failures.length > 0) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);

function failuresOf(report, suiteName) {
	const firstLine = (text) =>
		String(text ?? '')
			.replace(ansi, '')
			.trim()
			.split('\n')[0];
	const lines = [];
	for (const file of report.testResults ?? []) {
		const name = path.relative(root, file.name);
		const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
		for (const a of failed) lines.push(`  ${suiteName} ${name} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
		if (failed.length === 0 && file.status === 'failed')
			lines.push(`  ${suiteName} ${name}: ${firstLine(file.message)}`);
	}
	return lines;
}
