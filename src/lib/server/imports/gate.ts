/**
 * At most `concurrent` tasks at once, at most `waiting` more queued; beyond that `run` answers 'busy'
 * at once, so a burst of uploads cannot add up to unbounded memory in one server.
 * @example const gate = createGate(2, 8); const read = await gate.run(() => readXlsxRows(bytes, 20_000)); if (read === 'busy') …
 */
export function createGate(concurrent: number, waiting: number) {
	let running = 0;
	const queue: (() => void)[] = [];
	return {
		async run<T>(task: () => Promise<T>): Promise<T | 'busy'> {
			if (running >= concurrent) {
				if (queue.length >= waiting) return 'busy';
				await new Promise<void>((resolve) => queue.push(resolve));
			} else {
				running++;
			}
			try {
				return await task();
			} finally {
				// Hand the slot straight to the next in line, or give it back.
				const next = queue.shift();
				if (next) next();
				else running--;
			}
		}
	};
}
