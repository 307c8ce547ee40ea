import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formMessage, formRefusal, formValues } from '$lib/server/http/refusal';
import {
	changeUserRole,
	createResetLink,
	endUserSessions,
	findUser,
	requireCan,
	setUserAssignments,
	setUserDisabled
} from '$lib/server/auth';
import { sendMail } from '$lib/server/infra/mail';
import { ssoOnlyLogin } from '$lib/server/sso';
import { listRecommendations } from '$lib/server/register/recommendations';
import { listAssignmentIds } from '$lib/server/register/assignments';
import { roleField } from '$lib/schemas/auth';
import { idText } from '$lib/schemas/fields';
import { t } from '$lib/server/messages';
import { plural } from '$lib/domain/plural';

const versionField = z.coerce.number().int().min(1);
const roleSchema = z.object({ role: roleField, version: versionField });
const assignmentSchema = z.object({
	recommendationId: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(Number))
		.pipe(z.array(z.number().int().positive()).max(10_000))
});

/** The admin (as the audit's actor) and the user being edited, who must be in the admin's organisation (else 404). */
async function target(event: RequestEvent) {
	const admin = requireCan(event, 'users.manage');
	const id = idText(false, t('admin.not_found')).safeParse(event.params.id);
	if (!id.success) error(404, t('admin.not_found'));
	const db = await getDb();
	const user = await findUser(db, admin.organisationId, id.data);
	if (!user) error(404, t('admin.not_found'));
	return {
		admin,
		actor: { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() },
		user,
		db
	};
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
		recommendations: recommendations.map((r) => ({
			id: r.id,
			number: r.number,
			title: r.title,
			programmeName: r.programmeName
		})),
		assigned
	};
};

export const actions: Actions = {
	role: async (event) => {
		const { admin, actor, user, db } = await target(event);
		if (user.id === admin.id) return formMessage(400, 'role', t('admin.cannot_change_self'));
		const formData = await event.request.formData();
		const form = parseForm(roleSchema, formData);
		if (!form.ok) return formMessage(400, 'role', Object.values(form.errors)[0], formValues(formData));
		const result = await writeInTransaction(db, (trx) =>
			changeUserRole(trx, actor, user, form.data.role, form.data.version)
		);
		if (result.kind === 'invalid') return formMessage(400, 'role', result.message, formValues(formData));
		if (result.kind !== 'ok')
			return formRefusal(result, { form: 'role', staleMessage: t('admin.stale', { what: t(`role.${user.role}`) }) });
		return { form: 'role', notice: t('admin.saved') };
	},
	disable: async (event) => {
		const { admin, actor, user, db } = await target(event);
		if (user.id === admin.id) return formMessage(400, 'disable', t('admin.cannot_change_self'));
		const result = await writeInTransaction(db, (trx) => setUserDisabled(trx, actor, user, true));
		if (result.kind === 'invalid') return formMessage(400, 'disable', result.message);
		if (result.kind !== 'ok') return formRefusal(result, { form: 'disable' });
		return { form: 'disable', notice: t('admin.saved') };
	},
	enable: async (event) => {
		const { actor, user, db } = await target(event);
		const result = await writeInTransaction(db, (trx) => setUserDisabled(trx, actor, user, false));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'enable' });
		return { form: 'enable', notice: t('admin.saved') };
	},
	endSessions: async (event) => {
		const { actor, user, db } = await target(event);
		const count = await inTransaction(db, (trx) => endUserSessions(trx, actor, user.id));
		return {
			form: 'endSessions',
			notice: t(plural(count, { one: 'admin.sessions_ended_one', other: 'admin.sessions_ended_other' }), { count })
		};
	},
	reset: async (event) => {
		const { actor, user, db } = await target(event);
		if (await ssoOnlyLogin(db, user)) return formMessage(400, 'reset', t('admin.reset_sso', { name: user.name }));
		const token = await inTransaction(db, (trx) => createResetLink(trx, actor, user.id));
		const link = `${event.url.origin}/invitation/${token}`;
		const mailed = await sendMail(
			user.email,
			t('invite.title'),
			`${t('invite.intro', { email: user.email })}\n\n${link}`
		);
		return { form: 'reset', reset: { email: user.email, link, mailed } };
	},
	assignments: async (event) => {
		const { actor, user, db } = await target(event);
		const form = parseForm(assignmentSchema, await event.request.formData());
		if (!form.ok) return formMessage(400, 'assignments', Object.values(form.errors)[0]);
		const result = await writeInTransaction(db, (trx) =>
			setUserAssignments(trx, actor, user.id, form.data.recommendationId)
		);
		if (result.kind !== 'ok') return formRefusal(result, { form: 'assignments' });
		return { form: 'assignments', notice: t('admin.saved') };
	}
};
