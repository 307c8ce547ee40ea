import { ensureBuild } from '../../db/cli/build';

/** Browser tests run against the built server (as production does): build once if stale. */
export default function setup(): void {
	ensureBuild();
}
