import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';
import { concreteRoute, pages, routeFolders, type RouteSamples, type Visitor } from '../helpers/route-table';
import { signInCookie, signInPage } from '../helpers/sign-in';

/**
 * WCAG 2.1 reflow (1.4.10), resize text (1.4.4) and text spacing (1.4.12) on every page of every role: the pages
 * of the access matrix's table that the visitor may open (200) and that are pages, not endpoints or downloads.
 * Each page is loaded once at 320 × 640 and measured three times:
 *  1. as it is, at 320 px;
 *  2. at 320 px with the text spacing of 1.4.12 forced on every element (line height 1.5, paragraph spacing 2em,
 *     letter spacing 0.12em, word spacing 0.16em);
 *  3. at 1280 px with the root font size at 200 % — text-only zoom, as browsers' "zoom text only" does: every
 *     size in rem/em doubles while the layout width stays 1280 px (page zoom at 200 % would simply be a 640 px
 *     viewport, which the 320 px pass already covers). The pass checks the body text really doubled.
 * Each measure asserts no horizontal page scroll and that no element sticks out of its parent or has its content
 * clipped, except inside a named scroll region (role=region, a name, tabindex=0: TableScroll).
 */
const roles: { visitor: Visitor; email: string | null }[] = [
	{ visitor: 'anonymous', email: null },
	{ visitor: 'politician', email: 'politiker@norddjurs.demo' },
	{ visitor: 'projectLead', email: 'projektleder@norddjurs.demo' },
	{ visitor: 'director', email: 'direktor@norddjurs.demo' },
	{ visitor: 'admin', email: 'admin@norddjurs.demo' }
];

/** Route ids with a page (+page.svelte), not only an endpoint. */
const pageRoutes = new Set(
	routeFolders()
		.filter(([, dir]) => existsSync(join(dir, '+page.svelte')))
		.map(([id]) => id)
);

const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** What sticks out: runs in the page; a description of each element that overflows its parent or is clipped. */
function overflowing(): string[] {
	const isNamedRegion = (el: Element) =>
		el.getAttribute('role') === 'region' &&
		(el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) &&
		el.getAttribute('tabindex') === '0';
	const describe = (el: Element) =>
		`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${
			typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''
		} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
	const box = (el: Element): DOMRect | null => {
		let parent = el.parentElement;
		while (parent && getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
		return parent ? parent.getBoundingClientRect() : null;
	};
	const found: string[] = [];
	for (const el of document.body.querySelectorAll('*')) {
		if (!(el instanceof HTMLElement) && el.tagName.toLowerCase() !== 'svg') continue;
		const region = el.parentElement?.closest('[role=region]');
		if (region && isNamedRegion(region)) continue;
		const style = getComputedStyle(el);
		if (style.position === 'fixed') continue;
		const rect = el.getBoundingClientRect();
		// Not shown (closed details, display none), visually hidden (1 px), or a skip link parked off-screen.
		if (rect.width <= 1 || rect.height <= 1 || rect.right <= 0) continue;
		const parent = box(el);
		// A parent of 1 px is visually hidden text (a table's header row on a narrow screen): not shown, not measured.
		if (parent && parent.width > 1 && (rect.right > parent.right + 1 || rect.left < parent.left - 1))
			found.push(
				`${describe(el)} sticks out of its parent by ${Math.round(Math.max(rect.right - parent.right, parent.left - rect.left))} px`
			);
		if (
			!isNamedRegion(el) &&
			style.overflowX !== 'visible' &&
			!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) &&
			el.scrollWidth > el.clientWidth + 1
		)
			found.push(`${describe(el)} clips or scrolls ${el.scrollWidth - el.clientWidth} px without being a named region`);
	}
	return found;
}

async function measure(page: Page, width: number) {
	return page.evaluate(
		([fn, width]) => {
			const offenders = (new Function(`return (${fn})()`) as () => string[])();
			const scrollWidth = document.documentElement.scrollWidth;
			if (scrollWidth > width) offenders.unshift(`the page is ${scrollWidth} px wide`);
			return offenders;
		},
		[overflowing.toString(), width] as const
	);
}

describe.skipIf(!hasChromium)(
	'reflow at 320 px, 200 % text at 1280 px and text spacing, every page of every role',
	() => {
		const demo = useDemoBrowser();
		let samples: RouteSamples;

		beforeAll(async () => {
			const admin = await signInCookie(demo.server.url, 'admin@norddjurs.demo');
			const get = async (path: string) =>
				(await fetch(`${demo.server.url}${path}`, { headers: { cookie: admin } })).text();
			const list = JSON.parse(await get('/api/v1/recommendations')).recommendations;
			const page3 = await get(`/anbefalinger/${list.find((r: { number: number }) => r.number === 3).id}`);
			samples = {
				'[id]': String(list[0].id),
				'[token]': '1.ugyldig',
				user: /href="\/admin\/brugere\/(\d+)"/.exec(await get('/admin/brugere'))![1],
				kpi: /href="\/noegletal\/(\d+)"/.exec(page3)![1],
				programme: /href="\/programmer\/(\d+)"/.exec(await get('/programmer'))![1],
				report: /href="\/status\/(\d+)"/.exec(await get('/status'))![1]
			};
		});

		test.each(roles)(
			'$visitor: no page scrolls sideways or clips at 320 px, with text spacing, or with 200 % text at 1280 px',
			async ({ visitor, email }) => {
				const paths = Object.entries(pages)
					.filter(([route, row]) => row[visitor] === 200 && pageRoutes.has(route))
					.map(([route]) => concreteRoute(route, samples));
				expect(paths.length).toBeGreaterThan(2);
				// bypassCSP: the text spacing is a style sheet added by the test, as a reader's bookmarklet would.
				const context = await demo.browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
				const page = email ? await signInPage(context, demo.server.url, email) : await context.newPage();
				const problems: Record<string, string[]> = {};
				for (const path of paths) {
					await page.setViewportSize({ width: 320, height: 640 });
					const response = await page.goto(`${demo.server.url}${path}`);
					expect([path, response?.status()]).toEqual([path, 200]);
					const found = (await measure(page, 320)).map((o) => `320: ${o}`);
					const spacing = await page.addStyleTag({ content: TEXT_SPACING });
					found.push(...(await measure(page, 320)).map((o) => `320 + tekstafstand: ${o}`));
					await spacing.evaluate((el) => (el as Element).remove());
					await page.setViewportSize({ width: 1280, height: 900 });
					await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
					expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('32px');
					found.push(...(await measure(page, 1280)).map((o) => `1280 + 200 %: ${o}`));
					if (found.length > 0) problems[path] = found;
				}
				expect(problems).toEqual({});
				await context.close();
			},
			240_000
		);

		test('screenshots at 320 px: the overview, a recommendation, Mine nøgletal and the public report', async () => {
			const context = await demo.browser.newContext({ viewport: { width: 320, height: 640 } });
			const page = await signInPage(context, demo.server.url, 'admin@norddjurs.demo');
			for (const [path, name] of [
				['/', 'oversigt'],
				[`/anbefalinger/${samples['[id]']}`, 'anbefaling']
			]) {
				await page.goto(`${demo.server.url}${path}`);
				expect(await measure(page, 320)).toEqual([]);
				await page.screenshot({ path: `test-results/reflow-320-${name}.png`, fullPage: true });
			}
			// Mine nøgletal as a project lead: the entry grid and the status table, both as cards.
			const lead = await signInPage(
				await demo.browser.newContext({ viewport: { width: 320, height: 640 } }),
				demo.server.url,
				'projektleder@norddjurs.demo'
			);
			await lead.goto(`${demo.server.url}/mine-noegletal`);
			expect(await measure(lead, 320)).toEqual([]);
			expect(
				await lead
					.locator('[data-kpi] td')
					.first()
					.evaluate((td) => getComputedStyle(td).display)
			).toBe('block');
			await lead.screenshot({ path: 'test-results/reflow-320-mine-noegletal.png', fullPage: true });
			await lead.context().close();
			// At 320 px the main menu is one disclosure: folded, opened from the keyboard, one main menu to a screen reader.
			const menuLink = page.getByRole('link', { name: 'Mine nøgletal', exact: true });
			expect(await menuLink.isVisible()).toBe(false);
			await page.locator('header summary').focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => menuLink.isVisible()).toBe(true);
			expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(1);
			// Following a link in it folds it again on the new page.
			await Promise.all([page.waitForURL('**/mine-noegletal'), menuLink.click()]);
			await expect.poll(() => menuLink.isVisible()).toBe(false);
			// The KPI list and the users list are cards at 320 px and tables at 1280 px.
			const cellDisplay = () =>
				page
					.locator('main tbody td')
					.first()
					.evaluate((td) => getComputedStyle(td).display);
			for (const path of ['/noegletal', '/admin/brugere']) {
				await page.goto(`${demo.server.url}${path}`);
				expect([path, await cellDisplay()]).toEqual([path, 'block']);
				await page.setViewportSize({ width: 1280, height: 900 });
				expect([path, await cellDisplay()]).toEqual([path, 'table-cell']);
				await page.setViewportSize({ width: 320, height: 640 });
			}
			// A table that scrolls in its region keeps its first column in place.
			await page.goto(`${demo.server.url}/status/${samples.report}`);
			expect(
				await page
					.locator('[role=region][tabindex="0"] tbody tr > :first-child')
					.first()
					.evaluate((cell) => getComputedStyle(cell).position)
			).toBe('sticky');

			// The published 2024 report on the public link (put there unless the demo already did), read without signing in.
			await page.goto(`${demo.server.url}/status`);
			await Promise.all([page.waitForURL(/\/status\/\d+$/), page.locator('tr[data-report="2024/1"] a').click()]);
			const makePublic = page.getByRole('button', { name: 'Læg på det offentlige link' });
			if ((await makePublic.count()) > 0)
				await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), makePublic.click()]);
			await expect.poll(() => page.getByRole('button', { name: 'Fjern fra det offentlige link' }).count()).toBe(1);
			const anonymous = await demo.browser.newPage({ viewport: { width: 320, height: 640 } });
			const response = await anonymous.goto(`${demo.server.url}/offentlig/norddjurs/status/2024`);
			expect(response?.status()).toBe(200);
			expect(await measure(anonymous, 320)).toEqual([]);
			await anonymous.screenshot({ path: 'test-results/reflow-320-offentlig-rapport.png', fullPage: true });
			await anonymous.close();
			await context.close();
		});
	}
);
