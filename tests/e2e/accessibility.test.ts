import { describe } from 'vitest';
import { sweepRoles } from '../helpers/axe-sweep';
import { hasChromium } from '../helpers/browser';
import { useDemoBrowser } from '../helpers/demo-browser';

/**
 * Every page the director and the project lead can open, checked with axe (WCAG 2.1 AA) on a desktop and a
 * phone-sized screen. The admin's, the politician's and the anonymous pages are in accessibility-admin.test.ts:
 * two files, so that the sweep runs on two workers at once.
 */
describe.skipIf(!hasChromium)('accessibility sweep: director and project lead', () => {
	sweepRoles(useDemoBrowser(), [
		{
			email: 'direktor@norddjurs.demo',
			pages: [
				'/',
				':recommendation',
				':kpi',
				'/hjaelp',
				'/mine-noegletal',
				'/noegletal',
				'/noegletal/import',
				'/noegletal/ny',
				':kpiEdit',
				'/status',
				':recommendation/forloeb'
			]
		},
		{
			email: 'projektleder@norddjurs.demo',
			pages: [
				'/',
				':recommendation',
				':kpi',
				'/hjaelp',
				'/mine-noegletal',
				'/noegletal',
				'/noegletal/import',
				':first/opfoelgning'
			]
		}
	]);
});
