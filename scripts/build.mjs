// `npm run build`: vite build (in production mode) with its usual output, less the one known
// harmless warning (see `knownNoise` in ensure-build.mjs).
import { build } from './ensure-build.mjs';

await build({ verbose: true }).catch(() => process.exit(1));
