// The API's OpenAPI document, generated from the operations' zod schemas (src/lib/server/api/):
// `npm run openapi` writes it to a temporary file and lints it with Redocly's recommended rules
// (0 errors, 0 warnings, or the command fails); `npm run openapi -- --out FILE` also keeps a copy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApi } from '../src/lib/server/api/openapi';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'tablica-openapi-'));
const file = path.join(dir, 'openapi.json');
const text = `${JSON.stringify(openApi, null, '\t')}\n`;
writeFileSync(file, text);
const out = process.argv.indexOf('--out');
if (out > 0 && process.argv[out + 1]) writeFileSync(process.argv[out + 1], text);

const r = spawnSync(
	process.execPath,
	[
		path.join(root, 'node_modules/@redocly/cli/bin/cli.js'),
		'lint',
		file,
		'--config',
		path.join(root, 'redocly.yaml'),
		'--max-problems',
		'200',
		'--format',
		'stylish'
	],
	{
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
	}
);
rmSync(dir, { recursive: true, force: true });
// Redocly exits 0 on warnings: any reported problem fails the check.
const output = `${r.stdout}${r.stderr}`;
const clean = r.status === 0 && /Your API description is valid/.test(output) && !/You have \d+ warnings?/.test(output);
if (!clean) {
	console.error(output);
	console.error('The generated OpenAPI document has problems (see above); fix the schemas in src/lib/server/api/.');
	process.exit(1);
}
console.log(`OpenAPI: ${Object.keys(openApi.paths).length} paths, Redocly recommended rules: 0 errors, 0 warnings.`);
