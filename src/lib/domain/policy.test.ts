import { describe, expect, test } from 'vitest';
import { ROLES, can, rolesFor, type Action } from './policy';

const person = (role: (typeof ROLES)[number]) => ({ role });

describe('the permission policy follows DESIGN §5', () => {
	test('each action, role by role (✓ = may, – = may not), without an object', () => {
		const table = (action: Action) => ROLES.map((role) => (can(person(role), action) ? '✓' : '–')).join('');
		expect({
			'live.read': table('live.read'),
			'register.edit': table('register.edit'),
			'status.override': table('status.override'),
			'values.write': table('values.write'),
			'history.read': table('history.read'),
			'users.manage': table('users.manage'),
			'report.read': table('report.read'),
			'report.create': table('report.create'),
			'report.approve': table('report.approve'),
			'report.publish': table('report.publish')
		}).toEqual({
			// admin, director, project lead, politician
			'live.read': '✓✓✓–',
			'register.edit': '✓✓––',
			'status.override': '–✓––',
			'values.write': '✓✓✓–',
			'history.read': '✓✓✓–',
			'users.manage': '✓–––',
			'report.read': '✓✓✓✓',
			'report.create': '✓✓––',
			'report.approve': '–✓––',
			'report.publish': '✓–––'
		});
	});

	test('a project lead writes values only where assigned; a politician reads only published reports', () => {
		expect(can(person('project_lead'), 'values.write', { assigned: false })).toBe(false);
		expect(can(person('project_lead'), 'values.write', { assigned: true })).toBe(true);
		expect(can(person('director'), 'values.write', { assigned: false })).toBe(true);
		// The value history: the project lead only of the KPIs they write; admins and directors of every one.
		expect(can(person('project_lead'), 'history.read', { assigned: false })).toBe(false);
		expect(can(person('project_lead'), 'history.read', { assigned: true })).toBe(true);
		expect(can(person('director'), 'history.read', { assigned: false })).toBe(true);
		expect(can(person('politician'), 'history.read', { assigned: true })).toBe(false);
		expect(
			['draft', 'submitted', 'approved', 'published'].map((state) =>
				can(person('politician'), 'report.read', { state: state as 'draft' })
			)
		).toEqual([false, false, false, true]);
		expect(can(person('director'), 'report.read', { state: 'draft' })).toBe(true);
	});

	test('nobody signed in may do anything; rolesFor lists the roles of a rule', () => {
		expect(can(null, 'report.read', { state: 'published' })).toBe(false);
		expect(rolesFor('register.edit')).toEqual(['admin', 'director']);
	});
});

describe('one policy module', () => {
	test('no role is named in the source outside this module and the message catalogues', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const root = join(import.meta.dirname, '../..');
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
			(f) =>
				/\.(ts|svelte|js)$/.test(f) &&
				!f.endsWith('.test.ts') &&
				!f.includes('messages') &&
				!f.endsWith('domain/policy.ts')
		);
		const named = files.flatMap((file) =>
			readFileSync(join(root, file), 'utf8')
				.split('\n')
				.map((line, i) => ({ where: `${file}:${i + 1}`, line }))
				.filter(({ line }) => /['"`](admin|director|project_lead|politician)['"`]/.test(line))
				.map(({ where }) => where)
		);
		expect(named).toEqual([]);
	});
});
