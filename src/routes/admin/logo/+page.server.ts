import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { formMessage } from '$lib/server/http/refusal';
import {
	checkLogoFile,
	findOrganisationLogoStamp,
	removeOrganisationLogo,
	requireCan,
	saveOrganisationLogo
} from '$lib/server/auth';
import { t } from '$lib/server/messages';

// The organisation's logo for the public report and its documents: the admin's, like users and tokens.
export const load: PageServerLoad = async (event) => {
	const admin = requireCan(event, 'users.manage');
	const stamp = await findOrganisationLogoStamp(await getDb(), admin.organisationId);
	return { logoStamp: stamp ? stamp.getTime() : null };
};

export const actions: Actions = {
	upload: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const file = (await event.request.formData()).get('logo');
		const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		const checked = await checkLogoFile(bytes);
		if (!checked.ok) return formMessage(400, 'upload', checked.message);
		const actor = { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
		await inTransaction(await getDb(), (trx) => saveOrganisationLogo(trx, actor, checked.logo));
		return { form: 'upload', notice: t('admin.logo_saved') };
	},
	remove: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const actor = { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
		await inTransaction(await getDb(), (trx) => removeOrganisationLogo(trx, actor));
		return { form: 'remove', notice: t('admin.logo_removed') };
	}
};
