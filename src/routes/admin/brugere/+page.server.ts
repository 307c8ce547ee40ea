import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { fieldErrors, parseForm } from '$lib/server/http/forms';
import { requireCan } from '$lib/server/auth/guards';
import { createUserToken } from '$lib/server/auth/user-token';
import { recordAudit } from '$lib/server/audit/record';
import { sendMail } from '$lib/server/infra/mail';
import { listUsers } from '$lib/server/auth/users';
import { emailField, nameField, roleField } from '$lib/schemas/auth';
import { t } from '$lib/server/messages';

const inviteSchema = z.object({ name: nameField, email: emailField, role: roleField });

export const load: PageServerLoad = async (event) => {
	const admin = requireCan(event, 'users.manage');
	return { users: await listUsers(await getDb(), admin.organisationId) };
};

export const actions: Actions = {
	invite: async (event) => {
		const admin = requireCan(event, 'users.manage');
		const form = parseForm(inviteSchema, await event.request.formData());
		if (!form.ok) return fail(400, { invite: { errors: form.errors, values: form.values } });
		const db = await getDb();
		const { name, email, role } = form.data;
		const token = await db.transaction().execute(async (trx) => {
			const existing = await trx.selectFrom('appUser').select('organisationId').where('email', '=', email).executeTakeFirst();
			if (existing) return { taken: existing.organisationId === admin.organisationId ? ('here' as const) : ('elsewhere' as const) };
			const user = await trx
				.insertInto('appUser')
				.values({ organisationId: admin.organisationId, name, email, role })
				.returning('id')
				.executeTakeFirstOrThrow();
			await recordAudit(trx, {
				organisationId: admin.organisationId,
				actorUserId: admin.id,
				action: 'user.invited',
				entityType: 'user',
				entityId: user.id,
				after: { name, email, role },
				clientAddress: event.getClientAddress()
			});
			return createUserToken(trx, user.id, 'invite', admin.id);
		});
		if (typeof token !== 'string') {
			// E-mails are unique across Fremdrift (they sign in), so one in use cannot be invited; an admin may
			// hear that of their own users, but never that a user exists in another organisation, or which.
			const message = token.taken === 'here' ? t('admin.email_taken_here', { organisation: event.locals.organisation!.name }) : t('admin.email_unavailable');
			return fail(409, { invite: { errors: fieldErrors({ email: message }), values: { name, email, role } } });
		}
		const link = `${event.url.origin}/invitation/${token}`;
		const mailed = await sendMail(email, t('invite.title'), `${t('invite.intro', { email })}\n\n${link}`);
		return { invited: { email, link, mailed } };
	}
};
