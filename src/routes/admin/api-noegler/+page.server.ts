import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { issueApiToken, listApiTokens, listUsers, requireCan, revokeApiToken } from '$lib/server/auth';
import { idText } from '$lib/schemas/fields';
import { t } from '$lib/server/messages';

const createSchema = z.object({
	name: z
		.string({ error: t('admin.token_name_required') })
		.trim()
		.min(1, { error: t('admin.token_name_required') })
		.max(100, { error: t('admin.token_name_required') }),
	userId: idText(false, t('admin.user_required'))
});
const revokeSchema = z.object({ id: idText(false, t('admin.not_found')) });

export const load: PageServerLoad = async (event) => {
	const admin = requireCan(event, 'users.manage');
	const db = await getDb();
	const [tokens, users] = await Promise.all([
		listApiTokens(db, admin.organisationId),
		listUsers(db, admin.organisationId)
	]);
	return {
		tokens,
		users: users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const formData = await event.request.formData();
		const form = parseForm(createSchema, formData);
		const values = formValues(formData);
		if (!form.ok) return invalidForm('create', form.errors, values);
		const actor = { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
		const result = await writeInTransaction(await getDb(), (trx) => issueApiToken(trx, actor, form.data));
		if (result.kind !== 'ok') return formRefusal(result, { form: 'create', values });
		return { form: 'create', created: { token: result.token, name: form.data.name } };
	},
	revoke: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const formData = await event.request.formData();
		const form = parseForm(revokeSchema, formData);
		if (!form.ok) return invalidForm('revoke', form.errors, formValues(formData));
		const actor = { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
		await inTransaction(await getDb(), (trx) => revokeApiToken(trx, actor, form.data.id));
		return { form: 'revoke', notice: t('admin.saved') };
	}
};
