import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { fieldErrors, parseForm } from '$lib/server/http/forms';
import { requireCan } from '$lib/server/auth/guards';
import { createApiToken, listApiTokens } from '$lib/server/auth/api-token';
import { recordAudit } from '$lib/server/audit/record';
import { listUsers } from '$lib/server/auth/users';
import { t } from '$lib/server/messages';

const createSchema = z.object({
	name: z.string({ error: t('admin.token_name_required') }).trim().min(1, { error: t('admin.token_name_required') }).max(100, { error: t('admin.token_name_required') }),
	userId: z.coerce.number({ error: t('admin.user_required') }).int({ error: t('admin.user_required') }).positive({ error: t('admin.user_required') })
});
const revokeSchema = z.object({ id: z.coerce.number().int().positive() });

export const load: PageServerLoad = async (event) => {
	const admin = requireCan(event, 'users.manage');
	const db = await getDb();
	const [tokens, users] = await Promise.all([listApiTokens(db, admin.organisationId), listUsers(db, admin.organisationId)]);
	return { tokens, users: users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })) };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const form = parseForm(createSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const db = await getDb();
		const owner = await db
			.selectFrom('appUser')
			.select(['id', 'email'])
			.where('id', '=', form.data.userId)
			.where('organisationId', '=', admin.organisationId)
			.where('disabledAt', 'is', null)
			.executeTakeFirst();
		if (!owner) return fail(400, { errors: fieldErrors({ userId: t('admin.user_required') }), values: { name: form.data.name } });
		const created = await db.transaction().execute(async (trx) => {
			const token = await createApiToken(trx, { organisationId: admin.organisationId, userId: owner.id, name: form.data.name, createdBy: admin.id });
			await recordAudit(trx, {
				organisationId: admin.organisationId,
				actorUserId: admin.id,
				action: 'api_token.created',
				entityType: 'api_token',
				entityId: token.id,
				after: { name: form.data.name, user: owner.email },
				clientAddress: event.getClientAddress()
			});
			return token;
		});
		return { created: { token: created.token, name: form.data.name } };
	},
	revoke: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const form = parseForm(revokeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const db = await getDb();
		await db.transaction().execute(async (trx) => {
			const result = await trx
				.updateTable('apiToken')
				.set({ revokedAt: new Date() })
				.where('id', '=', form.data.id)
				.where('organisationId', '=', admin.organisationId)
				.where('revokedAt', 'is', null)
				.executeTakeFirst();
			if (Number(result.numUpdatedRows) === 1) {
				await recordAudit(trx, {
					organisationId: admin.organisationId,
					actorUserId: admin.id,
					action: 'api_token.revoked',
					entityType: 'api_token',
					entityId: form.data.id,
					clientAddress: event.getClientAddress()
				});
			}
		});
		return { notice: t('admin.saved') };
	}
};
