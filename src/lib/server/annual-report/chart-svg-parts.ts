/**
 * The small SVG pieces of a document chart: escaped text, the marker shapes of series-look.ts and the
 * legend, whose keys are drawn as the series are (as legend-swatch.svelte draws them on the web).
 */
import { CHART_COLOURS, type MarkerShape, type SeriesLook } from '../../components/charts/series-look';

export interface LegendItem {
	label: string;
	look: Pick<SeriesLook, 'colour' | 'lineWidth' | 'line' | 'dash' | 'marker' | 'bar'>;
}

const round = (n: number) => Math.round(n * 100) / 100;

function escapeXml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * SVG attributes from an object; undefined values are left out, numbers rounded to 0.01.
 * @example attr({ x: 1.234, fill: 'none' }) // ' x="1.23" fill="none"'
 */
export function attr(values: Record<string, string | number | undefined>): string {
	return Object.entries(values)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? String(round(v)) : (v as string))}"`)
		.join('');
}

/**
 * A text element; `rotate` turns it about its anchor point.
 * @example text(10, 20, '40 %', { anchor: 'end' })
 */
export function text(
	x: number,
	y: number,
	content: string,
	options: { anchor?: 'start' | 'middle' | 'end'; bold?: boolean; rotate?: number } = {}
): string {
	return `<text${attr({
		x,
		y,
		'text-anchor': options.anchor,
		'font-weight': options.bold ? 'bold' : undefined,
		transform: options.rotate ? `rotate(${options.rotate} ${round(x)} ${round(y)})` : undefined
	})}>${escapeXml(content)}</text>`;
}

/**
 * A point marker of Chart.js' shapes, centred on (cx, cy).
 * @example marker(10, 10, 'circle', { radius: 3.5, fill: '#0b4f8a', colour: '#0b4f8a' })
 */
export function marker(
	cx: number,
	cy: number,
	shape: MarkerShape,
	style: { radius: number; fill: string; colour: string }
): string {
	const r = style.radius;
	const p = (x: number, y: number) => `${round(cx + x)},${round(cy + y)}`;
	const polygon = (points: string[]) =>
		`<polygon points="${points.join(' ')}"${attr({ fill: style.fill, stroke: style.colour, 'stroke-width': 2 })}/>`;
	const d = r / Math.SQRT2;
	const cross = `M${p(-d, -d)}L${p(d, d)}M${p(d, -d)}L${p(-d, d)}`;
	switch (shape) {
		case 'circle':
			return `<circle${attr({ cx, cy, r, fill: style.fill, stroke: style.colour, 'stroke-width': 1.5 })}/>`;
		case 'triangle':
			return polygon([p(0, -r), p(r * 0.866, r * 0.5), p(-r * 0.866, r * 0.5)]);
		case 'rectRot':
			return polygon([p(0, -r), p(r, 0), p(0, r), p(-r, 0)]);
		case 'rect':
			return polygon([p(-d, -d), p(d, -d), p(d, d), p(-d, d)]);
		case 'crossRot':
			return `<path d="${cross}"${attr({ stroke: style.colour, 'stroke-width': 2, fill: 'none' })}/>`;
		case 'star':
			return `<path d="${cross}M${p(0, -r)}L${p(0, r)}M${p(-r, 0)}L${p(r, 0)}"${attr({ stroke: style.colour, 'stroke-width': 2, fill: 'none' })}/>`;
	}
}

const SWATCH = { width: 36, height: 16 };

/** One legend key, its top-left corner at (x, y). */
function swatch(x: number, y: number, look: LegendItem['look']): string {
	const cx = x + SWATCH.width / 2;
	const cy = y + SWATCH.height / 2;
	const out: string[] = [];
	if (look.bar) {
		const box = { x: cx - 7, y: y + 1.5, width: 14, height: SWATCH.height - 3 };
		out.push(
			`<rect${attr({ ...box, fill: look.bar.hatched ? 'url(#hatch)' : look.bar.fill, stroke: look.colour, 'stroke-width': look.lineWidth })}/>`
		);
	}
	if (look.line) {
		out.push(
			`<line${attr({ x1: x + 1, x2: x + SWATCH.width - 1, y1: cy, y2: cy, stroke: look.colour, 'stroke-width': look.lineWidth, 'stroke-dasharray': look.dash.length > 0 ? look.dash.join(' ') : undefined })}/>`
		);
	}
	if (look.marker) {
		const radius = Math.min(look.marker.radius, 6);
		out.push(marker(cx, cy, look.marker.shape, { radius, fill: look.marker.fill, colour: look.colour }));
	}
	return out.join('');
}

/**
 * The legend below the plot: keys with the series' names, wrapped into centred rows; with the hatch
 * pattern that spent bars (and their key) use.
 * @example const { svg, defs, bottom } = chartLegend(items, { top: 300, width: 640, fontSize: 12, emWidth: 0.6 });
 */
export function chartLegend(
	items: readonly LegendItem[],
	layout: { top: number; width: number; fontSize: number; emWidth: number }
): { svg: string; defs: string; bottom: number } {
	const gap = 18;
	const rowHeight = layout.fontSize + 10;
	const widthOf = (item: LegendItem) => SWATCH.width + 6 + item.label.length * layout.fontSize * layout.emWidth;
	const rows: LegendItem[][] = [[]];
	let used = 0;
	for (const item of items) {
		const w = widthOf(item);
		if (rows.at(-1)!.length > 0 && used + gap + w > layout.width - 20) {
			rows.push([]);
			used = 0;
		}
		used += (rows.at(-1)!.length > 0 ? gap : 0) + w;
		rows.at(-1)!.push(item);
	}
	const svg = rows.flatMap((row, r) => {
		const rowWidth = row.reduce((sum, item) => sum + widthOf(item), 0) + gap * (row.length - 1);
		let x = (layout.width - rowWidth) / 2;
		const y = layout.top + r * rowHeight;
		return row.map((item) => {
			const key = swatch(x, y, item.look);
			const label = text(x + SWATCH.width + 6, y + SWATCH.height / 2 + layout.fontSize * 0.35, item.label);
			x += widthOf(item) + gap;
			return key + label;
		});
	});
	const defs =
		'<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse">' +
		`<rect width="8" height="8" fill="${CHART_COLOURS.spentFill}"/>` +
		`<path d="M-8 8L0 0M0 8L8 0M8 8L16 0" stroke="${CHART_COLOURS.spent}" stroke-width="1.5"/></pattern></defs>`;
	return { svg: svg.join(''), defs, bottom: layout.top + rows.length * rowHeight };
}
