/**
 * Ordinary least squares for the forecast (forecast.ts): small dense matrices (at most 13 columns), solved
 * through the inverse of XᵀX, which the prediction variance needs anyway.
 */

export interface OlsFit {
	/** β̂, one per column of the design. */
	coefficients: number[];
	/** (XᵀX)⁻¹. */
	inverse: number[][];
	/** Residual sum of squares. */
	rss: number;
	/** Residual degrees of freedom, n − p (≥ 1). */
	df: number;
	/** s = sqrt(RSS / (n − p)); 0 when the fit is exact. */
	residualSd: number;
	n: number;
}

/** Relative size below which a pivot counts as zero (a singular design: a column with no data). */
const SINGULAR = 1e-10;

/**
 * Fits y = Xβ + ε by OLS; null when the design is singular or leaves no residual degree of freedom.
 * @example fitOls([[1, 0], [1, 1], [1, 2]], [1, 3, 5])?.coefficients // [1, 2]
 */
export function fitOls(rows: readonly (readonly number[])[], y: readonly number[]): OlsFit | null {
	const n = rows.length;
	const p = rows[0]?.length ?? 0;
	if (n !== y.length || p === 0 || n - p < 1) return null;
	const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => sum(rows, (r) => r[i] * r[j])));
	const xty = Array.from({ length: p }, (_, i) => sum(rows, (r, k) => r[i] * y[k]));
	const inverse = invert(xtx);
	if (!inverse) return null;
	const coefficients = inverse.map((row) => dot(row, xty));
	const rss = sum(rows, (r, k) => (y[k] - dot(r, coefficients)) ** 2);
	const df = n - p;
	// Round-off leaves a tiny RSS for an exact fit; below that scale s is 0, so the interval collapses.
	const scale = Math.max(1, ...y.map(Math.abs));
	const residualSd = rss <= (1e-12 * scale) ** 2 * n ? 0 : Math.sqrt(rss / df);
	return { coefficients, inverse, rss, df, residualSd, n };
}

/**
 * vᵀ M v.
 * @example quadraticForm([[2, 0], [0, 3]], [1, 1]) // 5
 */
export function quadraticForm(m: readonly (readonly number[])[], v: readonly number[]): number {
	return sum(m, (row, i) => v[i] * dot(row, v));
}

/**
 * a · b.
 * @example dot([1, 2], [3, 4]) // 11
 */
export function dot(a: readonly number[], b: readonly number[]): number {
	let total = 0;
	for (let i = 0; i < a.length; i++) total += a[i] * b[i];
	return total;
}

function sum<T>(items: readonly T[], f: (item: T, index: number) => number): number {
	let total = 0;
	for (let i = 0; i < items.length; i++) total += f(items[i], i);
	return total;
}

/** Gauss–Jordan elimination with partial pivoting; null for a (numerically) singular matrix. */
function invert(matrix: readonly (readonly number[])[]): number[][] | null {
	const p = matrix.length;
	const a = matrix.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
	const scale = Math.max(...matrix.map((row, i) => Math.abs(row[i])));
	for (let col = 0; col < p; col++) {
		let pivot = col;
		for (let r = col + 1; r < p; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
		if (Math.abs(a[pivot][col]) <= SINGULAR * scale) return null;
		[a[col], a[pivot]] = [a[pivot], a[col]];
		const lead = a[col][col];
		for (let j = 0; j < 2 * p; j++) a[col][j] /= lead;
		for (let r = 0; r < p; r++) {
			if (r === col || a[r][col] === 0) continue;
			const factor = a[r][col];
			for (let j = 0; j < 2 * p; j++) a[r][j] -= factor * a[col][j];
		}
	}
	return a.map((row) => row.slice(p));
}
