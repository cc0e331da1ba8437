// `npm start`: builds when needed — its port already answering with a "starting" page — then runs
// the server, which answers the same way until its data is ready.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build, needsBuild, root } from './ensure-build.mjs';
import { listenStarting } from './starting-page.mjs';

if (needsBuild()) {
	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	const placeholder = await listenStarting(
		port,
		host,
		() => 'Budowanie aplikacji (pierwsze uruchomienie, 1–3 minuty)…'
	).catch(() => null);
	try {
		await build();
	} catch {
		process.exit(1);
	} finally {
		placeholder?.closeAllConnections();
		await new Promise((resolve) => (placeholder ? placeholder.close(resolve) : resolve(undefined)));
	}
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
	cwd: root,
	stdio: 'inherit',
	env: { NODE_ENV: 'production', ...process.env }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
