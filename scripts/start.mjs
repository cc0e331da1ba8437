// `npm start`: builds when needed, then runs the server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

try {
	ensureBuild();
} catch {
	process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server.ts')], {
	cwd: root,
	stdio: 'inherit',
	env: { NODE_ENV: 'production', ...process.env }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
