import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { formValues, invalidForm } from '$lib/server/http/refusal';
import { emailField, nameField } from '$lib/schemas/auth';
import { anyUserExists, completeSetup, hashPassword, newPasswordSchema, signIn } from '$lib/server/auth';
import { t } from '$lib/server/messages';

const setupSchema = z.object({
	organisationName: z
		.string({ error: t('setup.organisation_required') })
		.trim()
		.min(1, { error: t('setup.organisation_required') })
		.max(200, { error: t('setup.organisation_required') }),
	municipalityCode: z
		.string()
		.trim()
		.regex(/^(\d{3})?$/, { error: t('setup.code_invalid') })
		.transform((v) => (v === '' ? null : Number(v)))
		.pipe(
			z
				.number()
				.int()
				.min(100, { error: t('setup.code_invalid') })
				.max(999)
				.nullable()
		),
	name: nameField,
	email: emailField
});

// Reachable only while no user exists: afterwards it is not found.
export const load: PageServerLoad = async () => {
	if (await anyUserExists(await getDb())) error(404, t('setup.already_done'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const db = await getDb();
		const formData = await event.request.formData();
		const form = parseForm(setupSchema, formData);
		const email = form.ok ? form.data.email : String(formData.get('email') ?? '');
		// The names typed in the same form are words an attacker would try first.
		const userInputs = [formData.get('name'), formData.get('organisationName')].map((v) =>
			typeof v === 'string' ? v : ''
		);
		const password = parseForm(newPasswordSchema({ email, userInputs }), formData);
		if (!form.ok || !password.ok) {
			return invalidForm(
				'setup',
				{ ...(form.ok ? {} : form.errors), ...(password.ok ? {} : password.errors) },
				formValues(formData)
			);
		}
		const passwordHash = await hashPassword(password.data.password);
		const created = await inTransaction(db, (trx) =>
			completeSetup(trx, { ...form.data, passwordHash }, event.getClientAddress())
		);
		if (!created) error(404, t('setup.already_done'));
		await signIn(db, event, form.data.email, password.data.password);
		redirect(303, '/');
	}
};
