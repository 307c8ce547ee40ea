import type { Role } from '../../../db/types';

/**
 * The one permission policy (DESIGN §5): who may do what. The route table, loads, actions, endpoints,
 * repositories and the navigation all ask `can`; no role list lives anywhere else. Pure, so the
 * browser's navigation uses the same rules as the server (which still checks every request itself).
 */

/** Every role, in the order the admin pages list them. */
export const ROLES = ['admin', 'director', 'project_lead', 'politician'] as const satisfies readonly Role[];

/** The role of the person who sets up a new installation (/opsaetning). */
export const FIRST_USER_ROLE: Role = 'admin';
/** An invitation's default role: the least powerful one that enters values (issue 17). */
export const INVITE_DEFAULT_ROLE: Role = 'project_lead';

/**
 * Whether giving a role needs a confirming tick (administrator: it can do everything).
 * @example roleNeedsConfirmation('admin') // true
 */
export function roleNeedsConfirmation(role: string | null | undefined): boolean {
	return role === 'admin';
}

/** What a person may do. Facts about the object (assigned to them? published?) come as the target. */
export type Action =
	/** Dashboards, recommendation and KPI pages, exports and the JSON API: live, unapproved data. */
	| 'live.read'
	/** Programmes, themes, recommendations, KPI definitions, budgets, follow-up items. */
	| 'register.edit'
	/** Override a recommendation's computed status, with a reason. */
	| 'status.override'
	/** KPI values and status notes; a project lead only where `target.assigned`. */
	| 'values.write'
	/** Be assigned recommendations and own KPIs (the people "Mine nøgletal" is for). */
	| 'values.assignee'
	/** Be named as a KPI's owner (who enters or answers for it). */
	| 'kpi.owner'
	/** The history (audit trail) of recommendations, KPIs and reports; a project lead only of the KPIs they write (`target.assigned`). */
	| 'history.read'
	/** Users, invitations, sessions and API tokens. */
	| 'users.manage'
	/** An annual report; a politician only when `target.state` is 'published'. */
	| 'report.read'
	| 'report.create'
	| 'report.submit'
	| 'report.reopen'
	| 'report.approve'
	| 'report.publish';

/** The facts an object-level rule needs; the caller loads them (scoped to the user's organisation). */
export interface Target {
	/** The KPI or recommendation is assigned to the user (owner, or assigned recommendation). */
	assigned?: boolean;
	/** The annual report's workflow state. */
	state?: 'draft' | 'submitted' | 'approved' | 'published';
}

const RULES: Readonly<Record<Action, readonly Role[]>> = {
	'live.read': ['admin', 'director', 'project_lead'],
	'register.edit': ['admin', 'director'],
	'status.override': ['director'],
	'values.write': ['admin', 'director', 'project_lead'],
	'values.assignee': ['project_lead'],
	'kpi.owner': ['admin', 'director', 'project_lead'],
	'history.read': ['admin', 'director', 'project_lead'],
	'users.manage': ['admin'],
	'report.read': ['admin', 'director', 'project_lead', 'politician'],
	'report.create': ['admin', 'director'],
	'report.submit': ['admin', 'director'],
	'report.reopen': ['admin', 'director'],
	'report.approve': ['director'],
	'report.publish': ['admin']
};

/** Roles that see an object only when the target says so (the rest of their role's rule applies in full). */
const CONDITIONAL: Partial<Record<Action, Partial<Record<Role, (target: Target) => boolean>>>> = {
	'values.write': { project_lead: (target) => target.assigned === true },
	'history.read': { project_lead: (target) => target.assigned === true },
	'report.read': { politician: (target) => target.state === 'published' }
};

/**
 * The roles that may take `action` at all (some only for some objects; see `can`): for the route
 * table, for queries such as "who can be assigned", and for listing.
 * @example rolesFor('register.edit') // ['admin', 'director']
 */
export function rolesFor(action: Action): readonly Role[] {
	return RULES[action];
}

/**
 * Whether `user` may take `action`, on `target` when given. Without a target, a conditional rule
 * answers whether the role may take the action on some objects (a project lead may write values —
 * for assigned KPIs); with one, for that object.
 * @example can(user, 'values.write', { assigned: await isAssignedKpi(db, user, kpiId) })
 */
export function can(user: { role: Role } | null | undefined, action: Action, target?: Target): boolean {
	if (!user || !RULES[action].includes(user.role)) return false;
	const condition = CONDITIONAL[action]?.[user.role];
	return !condition || !target ? true : condition(target);
}
