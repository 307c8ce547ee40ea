import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { requireCan } from '$lib/server/auth/guards';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { revokeUserCredentials } from '$lib/server/auth/credentials';
import { createUserToken } from '$lib/server/auth/user-token';
import { recordAudit } from '$lib/server/audit/record';
import { sendMail } from '$lib/server/infra/mail';
import { findUser, listAssignmentIds } from '$lib/server/auth/users';
import { listRecommendations } from '$lib/server/register/recommendations';
import { roleField } from '$lib/schemas/auth';
import { t } from '$lib/server/messages';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const versionField = z.coerce.number().int().min(1);
const roleSchema = z.object({ role: roleField, version: versionField });
const assignmentSchema = z.object({
	recommendationId: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
		.pipe(z.array(z.number().int().positive()).max(10_000))
});

/** The admin and the user being edited, who must be in the admin's organisation (else 404). */
async function target(event: RequestEvent) {
	const admin = requireCan(event, 'users.manage');
	const id = idSchema.safeParse(event.params.id);
	if (!id.success) error(404, t('admin.not_found'));
	const db = await getDb();
	const user = await findUser(db, admin.organisationId, id.data);
	if (!user) error(404, t('admin.not_found'));
	return { admin, user, db };
}

export const load: PageServerLoad = async (event) => {
	const { user, db, admin } = await target(event);
	const [recommendations, assigned] = await Promise.all([
		listRecommendations(db, admin.organisationId),
		listAssignmentIds(db, user.id)
	]);
	return {
		target: user,
		isSelf: user.id === admin.id,
		recommendations: recommendations.map((r) => ({ id: r.id, number: r.number, title: r.title, programmeName: r.programmeName })),
		assigned
	};
};

function audit(event: RequestEvent, adminId: number, organisationId: number, action: string, userId: number, before?: unknown, after?: unknown) {
	return { organisationId, actorUserId: adminId, action, entityType: 'user', entityId: userId, before, after, clientAddress: event.getClientAddress() };
}

export const actions: Actions = {
	role: async (event) => {
		const { admin, user, db } = await target(event);
		if (user.id === admin.id) return fail(400, { message: t('admin.cannot_change_self') });
		const form = parseForm(roleSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const changed = await db.transaction().execute(async (trx) => {
			const result = await trx
				.updateTable('appUser')
				.set({ role: form.data.role, version: user.version + 1, updatedAt: new Date() })
				.where('id', '=', user.id)
				.where('version', '=', form.data.version)
				.executeTakeFirst();
			if (Number(result.numUpdatedRows) !== 1) return false;
			await recordAudit(trx, audit(event, admin.id, admin.organisationId, 'user.role_changed', user.id, { role: user.role }, { role: form.data.role }));
			return true;
		});
		if (!changed) return fail(409, { message: t('admin.stale', { what: t(`role.${user.role}`) }) });
		return { notice: t('admin.saved') };
	},
	disable: async (event) => {
		const { admin, user, db } = await target(event);
		if (user.id === admin.id) return fail(400, { message: t('admin.cannot_change_self') });
		await db.transaction().execute(async (trx) => {
			await trx.updateTable('appUser').set({ disabledAt: new Date(), version: user.version + 1, updatedAt: new Date() }).where('id', '=', user.id).execute();
			// Sessions, unused links and API tokens end here for good: enabling the user again brings none back.
			const revoked = await revokeUserCredentials(trx, user.id);
			await recordAudit(trx, audit(event, admin.id, admin.organisationId, 'user.disabled', user.id, undefined, revoked));
		});
		return { notice: t('admin.saved') };
	},
	enable: async (event) => {
		const { admin, user, db } = await target(event);
		await db.transaction().execute(async (trx) => {
			await trx.updateTable('appUser').set({ disabledAt: null, version: user.version + 1, updatedAt: new Date() }).where('id', '=', user.id).execute();
			await recordAudit(trx, audit(event, admin.id, admin.organisationId, 'user.enabled', user.id));
		});
		return { notice: t('admin.saved') };
	},
	endSessions: async (event) => {
		const { admin, user, db } = await target(event);
		const count = await db.transaction().execute(async (trx) => {
			const ended = await invalidateUserSessions(trx, user.id);
			await recordAudit(trx, audit(event, admin.id, admin.organisationId, 'user.sessions_ended', user.id, undefined, { count: ended }));
			return ended;
		});
		return { notice: t('admin.sessions_ended', { count }) };
	},
	reset: async (event) => {
		const { admin, user, db } = await target(event);
		const token = await db.transaction().execute(async (trx) => {
			await recordAudit(trx, audit(event, admin.id, admin.organisationId, 'user.reset_link_created', user.id));
			return createUserToken(trx, user.id, 'reset', admin.id);
		});
		const link = `${event.url.origin}/invitation/${token}`;
		const mailed = await sendMail(user.email, t('invite.title'), `${t('invite.intro', { email: user.email })}\n\n${link}`);
		return { reset: { email: user.email, link, mailed } };
	},
	assignments: async (event) => {
		const { admin, user, db } = await target(event);
		const form = parseForm(assignmentSchema, await event.request.formData());
		if (!form.ok) return fail(400, { message: Object.values(form.errors)[0] });
		await db.transaction().execute(async (trx) => {
			// Only the admin's own organisation's recommendations can be assigned (others are ignored).
			const valid = form.data.recommendationId.length
				? await trx.selectFrom('recommendation').select('id').where('organisationId', '=', admin.organisationId).where('id', 'in', form.data.recommendationId).execute()
				: [];
			const before = await listAssignmentIds(trx, user.id);
			await trx.deleteFrom('recommendationAssignment').where('userId', '=', user.id).execute();
			if (valid.length) {
				await trx
					.insertInto('recommendationAssignment')
					.values(valid.map((r) => ({ organisationId: admin.organisationId, recommendationId: r.id, userId: user.id })))
					.execute();
			}
			await recordAudit(trx, audit(event, admin.id, admin.organisationId, 'user.assignments_changed', user.id, { recommendationIds: before }, { recommendationIds: valid.map((r) => r.id) }));
		});
		return { notice: t('admin.saved') };
	}
};
