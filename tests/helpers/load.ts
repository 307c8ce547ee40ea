/** What a burst of requests got back: counts by status, and network errors (refused, reset, timed out). */
export interface LoadResult {
	total: number;
	byStatus: Record<number, number>;
	errors: string[];
}

/**
 * Sends requests from `workers` parallel loops for `durationMs`, and on until `atLeast` requests have been
 * sent (a slow machine gets the same amount of load, only later), each request bounded by `requestTimeoutMs`.
 * `next(i)` names the request of the i-th call (URL and init), so the load can be spread over several servers.
 * @example const result = await load({ workers: 16, durationMs: 3000, next: (i) => [urls[i % 2] + '/api/v1/kpis', { headers }] });
 */
export async function load(options: {
	workers: number;
	durationMs: number;
	atLeast?: number;
	next: (i: number) => [string, RequestInit?];
	requestTimeoutMs?: number;
}): Promise<LoadResult> {
	const result: LoadResult = { total: 0, byStatus: {}, errors: [] };
	const until = Date.now() + options.durationMs;
	let counter = 0;
	const worker = async () => {
		while (Date.now() < until || counter < (options.atLeast ?? 0)) {
			const [url, init] = options.next(counter++);
			try {
				const response = await fetch(url, {
					redirect: 'manual',
					...init,
					signal: AbortSignal.timeout(options.requestTimeoutMs ?? 10_000)
				});
				await response.arrayBuffer();
				result.byStatus[response.status] = (result.byStatus[response.status] ?? 0) + 1;
			} catch (error) {
				result.errors.push(`${url}: ${(error as Error).message}`);
			}
			result.total++;
		}
	};
	await Promise.all(Array.from({ length: options.workers }, worker));
	return result;
}
