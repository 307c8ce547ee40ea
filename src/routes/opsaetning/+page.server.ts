import { FIRST_USER_ROLE } from '$lib/domain/policy';
import { error, fail, redirect } from '@sveltejs/kit';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb, type Db } from '$lib/server/infra/db';
import { parseForm } from '$lib/server/http/forms';
import { emailField, nameField } from '$lib/schemas/auth';
import { newPasswordSchema } from '$lib/server/auth/password-form';
import { hashPassword } from '$lib/server/auth/password';
import { recordAudit } from '$lib/server/audit/record';
import { signIn } from '$lib/server/auth/sign-in';
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
		.pipe(z.number().int().min(100, { error: t('setup.code_invalid') }).max(999).nullable()),
	name: nameField,
	email: emailField
});

async function hasUsers(db: Db): Promise<boolean> {
	return (await db.selectFrom('appUser').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** A URL-safe organisation slug from its name ("Allerød Kommune" → "allerod"). */
function slugFor(name: string): string {
	const base = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/(^-|-$)/g, '')
		.replace(/-kommune$/, '');
	return (base || 'kommune').slice(0, 60).replace(/-$/, '');
}

// Reachable only while no user exists: afterwards it is not found.
export const load: PageServerLoad = async () => {
	if (await hasUsers(await getDb())) error(404, t('setup.already_done'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const db = await getDb();
		const formData = await event.request.formData();
		const form = parseForm(setupSchema, formData);
		const email = form.ok ? form.data.email : String(formData.get('email') ?? '');
		// The names typed in the same form are words an attacker would try first.
		const userInputs = [formData.get('name'), formData.get('organisationName')].map((v) => (typeof v === 'string' ? v : ''));
		const password = parseForm(newPasswordSchema({ email, userInputs }), formData);
		if (!form.ok || !password.ok) {
			return fail(400, {
				errors: { ...(form.ok ? {} : form.errors), ...(password.ok ? {} : password.errors) },
				values: form.ok ? Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, String(v ?? '')])) : form.values
			});
		}
		const passwordHash = await hashPassword(password.data.password);
		const created = await db.transaction().execute(async (trx) => {
			// Two setups at once: the second waits here, then finds the first one's user.
			await sql`select pg_advisory_xact_lock(hashtext('fremdrift:first-run'))`.execute(trx);
			if (await hasUsers(trx)) return false;
			const organisation = await trx
				.insertInto('organisation')
				.values({ slug: slugFor(form.data.organisationName), name: form.data.organisationName, municipalityCode: form.data.municipalityCode })
				.returning('id')
				.executeTakeFirstOrThrow();
			const user = await trx
				.insertInto('appUser')
				.values({ organisationId: organisation.id, email: form.data.email, name: form.data.name, role: FIRST_USER_ROLE, passwordHash })
				.returning('id')
				.executeTakeFirstOrThrow();
			await recordAudit(trx, {
				organisationId: organisation.id,
				actorUserId: user.id,
				action: 'setup.completed',
				entityType: 'organisation',
				entityId: organisation.id,
				after: { organisation: form.data.organisationName, admin: form.data.email },
				clientAddress: event.getClientAddress()
			});
			return true;
		});
		if (!created) error(404, t('setup.already_done'));
		await signIn(db, event, form.data.email, password.data.password);
		redirect(303, '/');
	}
};
