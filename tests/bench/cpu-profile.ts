/**
 * The server's CPU as the benchmark sees it: CPU time from /proc (all threads, so zlib and the garbage collector
 * count too) and a summary of a V8 CPU profile (`node --cpu-prof`) by function and by package or file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

/** The process's user + system CPU time so far in ms (Linux /proc/<pid>/stat, every thread), or null. */
export function cpuMsOf(pid: number): number | null {
	try {
		// The command name may hold spaces and parentheses: the fields start after the last ')'.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 14 and 15 of proc(5), counted from field 3 (state) here.
		const ticks = Number(fields[11]) + Number(fields[12]);
		ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		return Number.isFinite(ticks) ? (ticks * 1000) / ticksPerSecond : null;
	} catch {
		return null;
	}
}

/** The monotonic clock V8's profiler stamps its samples with (CLOCK_MONOTONIC, shared by all processes), in µs. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	/** Sampled CPU time (idle left out) in the window, ms. */
	sampledMs: number;
	samples: number;
	/** False when no sample fell in the window (clocks apart) and the whole profile is summarised instead. */
	windowOnly: boolean;
	top: { function: string; location: string; group: string; selfMs: number; selfPercent: number }[];
	groups: { group: string; selfMs: number; selfPercent: number }[];
}

/** Where a function lives, short: `pkg/path:line` under node_modules, `build/…:line` for the app, `node:…` for Node. */
function locate(url: string, line: number): { location: string; group: string } {
	if (!url) return { location: '', group: '(V8, natives)' };
	const path = url.replace(/^file:\/\//, '');
	const modules = path.lastIndexOf('/node_modules/');
	if (modules >= 0) {
		const rest = path.slice(modules + '/node_modules/'.length);
		const parts = rest.split('/');
		const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
		return { location: `${rest}:${line + 1}`, group: pkg };
	}
	if (path.startsWith('node:')) return { location: `${path}:${line + 1}`, group: 'Node (node:*)' };
	const build = path.lastIndexOf('/build/');
	// Without the chunk's content hash (`status.js-AbC123xy.js`), so two builds' profiles compare.
	const file = (build >= 0 ? path.slice(build + 1) : path).replace(/\.js-[\w-]{8}\.js$/, '.js');
	return { location: `${file}:${line + 1}`, group: file };
}

/**
 * Self time per function and per package/file of the samples taken between `fromMicros` and `toMicros`
 * (monotonicMicros), the `limit` largest of each.
 * @example summariseProfile(readFileSync(file, 'utf8'), t0, t1)
 */
export function summariseProfile(text: string, fromMicros: number, toMicros: number, limit = 15): ProfileSummary {
	const profile = JSON.parse(text) as CpuProfile;
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const stamped: { node: ProfileNode; micros: number; at: number }[] = [];
	let at = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		at += profile.timeDeltas[i];
		// A sample's weight is the time until the next one (the last gets the previous gap).
		const next = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i];
		stamped.push({ node: nodes.get(profile.samples[i])!, micros: Math.max(0, next), at });
	}
	const inWindow = stamped.filter((s) => s.at >= fromMicros && s.at <= toMicros);
	const windowOnly = inWindow.length > 0;
	const busy = (windowOnly ? inWindow : stamped).filter((s) => s.node.callFrame.functionName !== '(idle)');
	const total = busy.reduce((sum, s) => sum + s.micros, 0) || 1;
	const byFunction = new Map<string, { function: string; location: string; group: string; micros: number }>();
	const byGroup = new Map<string, number>();
	for (const { node, micros } of busy) {
		const { functionName, url, lineNumber } = node.callFrame;
		const { location, group } = locate(url, lineNumber);
		const key = `${functionName}@${location}`;
		const entry = byFunction.get(key) ?? { function: functionName || '(anonym)', location, group, micros: 0 };
		entry.micros += micros;
		byFunction.set(key, entry);
		byGroup.set(group, (byGroup.get(group) ?? 0) + micros);
	}
	const ms = (micros: number) => Math.round(micros / 100) / 10;
	const percent = (micros: number) => Math.round((micros / total) * 1000) / 10;
	return {
		sampledMs: ms(total),
		samples: busy.length,
		windowOnly,
		top: [...byFunction.values()]
			.sort((a, b) => b.micros - a.micros)
			.slice(0, limit)
			.map((e) => ({
				function: e.function,
				location: e.location,
				group: e.group,
				selfMs: ms(e.micros),
				selfPercent: percent(e.micros)
			})),
		groups: [...byGroup.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, limit)
			.map(([group, micros]) => ({ group, selfMs: ms(micros), selfPercent: percent(micros) }))
	};
}
