import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction } from '$lib/server/infra/write-result';
import { fieldErrors, parseForm } from '$lib/server/http/forms';
import { formRefusal, formValues, invalidForm } from '$lib/server/http/refusal';
import { inviteUser, listUsers, requireCan } from '$lib/server/auth';
import { ssoOnlyLogin } from '$lib/server/sso';
import { sendMail } from '$lib/server/infra/mail';
import { DEFAULT_FREQUENCY, listReminderStates } from '$lib/server/reminders';
import { inviteSchema } from '$lib/schemas/auth';
import { t } from '$lib/server/messages';

export const load: PageServerLoad = async (event) => {
	const admin = requireCan(event, 'users.manage');
	const db = await getDb();
	const [users, reminders] = await Promise.all([
		listUsers(db, admin.organisationId),
		listReminderStates(db, admin.organisationId)
	]);
	return {
		users: users.map((user) => {
			const state = reminders.get(user.id);
			return {
				...user,
				reminders: state?.frequency ?? DEFAULT_FREQUENCY,
				reminderError: state?.lastError
					? { message: state.lastError.message, at: state.lastError.at.toISOString().slice(0, 16).replace('T', ' ') }
					: null
			};
		})
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const formData = await event.request.formData();
		const form = parseForm(inviteSchema, formData);
		if (!form.ok) return invalidForm('invite', form.errors, formValues(formData));
		const { email } = form.data;
		const actor = { id: admin.id, organisationId: admin.organisationId, clientAddress: event.getClientAddress() };
		const result = await writeInTransaction(await getDb(), (trx) => inviteUser(trx, actor, form.data));
		if (result.kind === 'invalid') {
			// An e-mail in use: 409 (the user exists), with the message at the e-mail field.
			return fail(409, {
				form: 'invite',
				rowId: null,
				message: null,
				errors: fieldErrors({ [result.field]: result.message }),
				values: formValues(formData),
				conflict: null
			});
		}
		if (result.kind !== 'ok') return formRefusal(result, { form: 'invite', values: formValues(formData) });
		if (result.token === null) {
			// Local passwords are off: no password to choose, the user signs in with the identity provider.
			const login = await ssoOnlyLogin(await getDb(), { id: result.id, organisationId: admin.organisationId });
			const link = `${event.url.origin}${login ?? '/login'}`;
			const organisation = event.locals.organisation?.name ?? '';
			const text = t('invite.mail_sso', { name: form.data.name, organisation, link });
			const mailed = await sendMail(email, t('invite.mail_subject_sso'), text);
			return { form: 'invite', invited: { email, link, mailed, sso: true } };
		}
		const link = `${event.url.origin}/invitation/${result.token}`;
		const mailed = await sendMail(email, t('invite.title'), `${t('invite.intro', { email })}\n\n${link}`);
		return { form: 'invite', invited: { email, link, mailed, sso: false } };
	}
};
