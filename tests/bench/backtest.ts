/**
 * `npm run backtest [-- --out DIR] [--series 60] [--seed 20261130]`: the forecast's backtest (issue 15 item 7;
 * not part of `npm test` or `npm run bench`). Pure: no database, no server; a few seconds.
 *
 * Rolling-origin evaluation (backtest-evaluate.ts) over the demo's KPI series and `--series` synthetic series per
 * family (backtest-series.ts). Prints two Markdown tables — the model rules compared where the seasonal model
 * applies, and every forecast under the rule the app uses (FORECAST_MODEL_RULE) — and with --out writes them to
 * DIR/backtest.md and the figures to DIR/backtest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FORECAST_MODEL_RULE, MODEL_RULES, type ModelRule } from '../../src/lib/domain/forecast';
import { evaluateSeries, summarise, type Evaluation, type Summary } from './backtest-evaluate';
import { demoSeries, syntheticSeries } from './backtest-series';

const { values: args } = parseArgs({
	options: {
		out: { type: 'string' },
		series: { type: 'string', default: '60' },
		seed: { type: 'string', default: '20261130' }
	},
	strict: true
});
const perFamily = Number(args.series);
const seed = Number(args.seed);
if (!Number.isInteger(perFamily) || perFamily < 1 || !Number.isInteger(seed) || seed < 1) {
	throw new Error('--series and --seed must be positive whole numbers');
}

const started = performance.now();
const series = [...demoSeries(), ...syntheticSeries(perFamily, seed)];
const evaluations = new Map<ModelRule, Evaluation[]>(
	MODEL_RULES.map((rule) => [rule, series.flatMap((s) => evaluateSeries(s, rule))])
);
const families = [...new Set(series.map((s) => s.family))];

const number = (value: number, decimals = 2) =>
	Number.isNaN(value)
		? '–'
		: value.toLocaleString('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const percent = (value: number) => `${number(value * 100, 0)} %`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function summaryCells(s: Summary): string[] {
	return [
		number(s.forecasts, 0),
		percent(s.coverage),
		number(s.maseNaive),
		number(s.naiveMase),
		number(s.maseSeasonal),
		number(s.seasonalNaiveMase),
		number(s.brier, 3),
		number(s.brierBaseRate, 3)
	];
}

const header = [
	'prognoser',
	'dækning 80 %-interval',
	'MASE (naiv skala)',
	'naiv prognose, samme skala',
	'MASE (sæsonnaiv skala)',
	'sæsonnaiv prognose, samme skala',
	'Brier',
	'Brier for basisraten'
];

const ruleNames: Record<ModelRule, string> = {
	linear_only: 'altid lineær tendens',
	seasonal_when_possible: 'tendens + sæson, når den kan bruges',
	aicc: 'den med mindst AICc'
};

const lines: string[] = [];
lines.push(
	`Kørt med \`npm run backtest -- --series ${perFamily} --seed ${seed}\`: ${number(series.length, 0)} serier ` +
		`(${demoSeries().length} fra demodata, ${perFamily} syntetiske pr. familie).`,
	'',
	'Regelvalg — kun prognoser, hvor sæsonmodellen kan bruges (mindst 24 månedlige / 8 kvartalsvise målinger):',
	'',
	row(['familie', 'regel', ...header]),
	row(['---', '---', ...header.map(() => '---:')])
);
for (const family of families) {
	for (const rule of MODEL_RULES) {
		const group = evaluations.get(rule)!.filter((e) => e.family === family && e.seasonalApplies);
		if (group.length === 0) continue;
		lines.push(row([family, ruleNames[rule], ...summaryCells(summarise(group))]));
	}
}
lines.push(
	'',
	`Alle prognoser med appens regel (${ruleNames[FORECAST_MODEL_RULE]}):`,
	'',
	row(['familie', ...header]),
	row(['---', ...header.map(() => '---:')])
);
const chosen = evaluations.get(FORECAST_MODEL_RULE)!;
for (const family of families) {
	const group = chosen.filter((e) => e.family === family);
	if (group.length > 0) lines.push(row([family, ...summaryCells(summarise(group))]));
}
const synthetic = chosen.filter((e) => e.family !== 'demo' && !e.family.includes('random walk'));
lines.push(row(['**syntetiske i alt (uden random walk)**', ...summaryCells(summarise(synthetic))]));
lines.push(
	'',
	'Dækning og MASE (naiv skala) efter antal målinger før prognosen, appens regel:',
	'',
	row(['familie', 'målinger: dækning / MASE']),
	row(['---', '---'])
);
for (const family of families.filter((f) => f !== 'demo')) {
	const group = chosen.filter((e) => e.family === family);
	const sizes = [...new Set(group.map((e) => e.trainingSize))].sort((a, b) => a - b);
	const cells = sizes.map((size) => {
		const s = summarise(group.filter((e) => e.trainingSize === size));
		return `${size}: ${percent(s.coverage)} / ${number(s.maseNaive)}`;
	});
	lines.push(row([family, cells.join(' · ')]));
}
const seconds = (performance.now() - started) / 1000;
const markdown = lines.join('\n');
console.log(markdown);
console.log(`\n(${number(seconds, 1)} s)`);

if (args.out) {
	const dir = resolve(args.out);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'backtest.md'), `${markdown}\n`);
	const figures = Object.fromEntries(
		MODEL_RULES.map((rule) => [
			rule,
			Object.fromEntries(families.map((f) => [f, summarise(evaluations.get(rule)!.filter((e) => e.family === f))]))
		])
	);
	writeFileSync(
		join(dir, 'backtest.json'),
		`${JSON.stringify({ perFamily, seed, rule: FORECAST_MODEL_RULE, figures }, null, '\t')}\n`
	);
	console.log(`\nSkrevet: ${join(dir, 'backtest.md')}, ${join(dir, 'backtest.json')}`);
}
