// @ts-expect-error plain ESM helper shared with npm start
import { ensureBuild } from '../../scripts/ensure-build.mjs';

export default function setup() {
	ensureBuild();
}
