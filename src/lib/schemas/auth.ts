import { ROLES, roleNeedsConfirmation } from '../domain/policy';
import { z } from 'zod';
import { t } from '../server/messages';

/** An e-mail address as people type it: trimmed, lower-cased, at most 254 characters. */
export const emailField = z
	.string({ error: t('auth.email_required') })
	.trim()
	.toLowerCase()
	.min(1, { error: t('auth.email_required') })
	.max(254, { error: t('auth.email_invalid') })
	.pipe(z.email({ error: t('auth.email_invalid') }));

export const loginSchema = z.object({
	email: emailField,
	password: z
		.string({ error: t('auth.password_required') })
		.min(1, { error: t('auth.password_required') })
		.max(1000, { error: t('password.too_long') }),
	// Where to go afterwards is a wish, not an input to correct: anything odd (a list, a huge text) means home.
	redirectTo: z.string().optional().catch(undefined)
});

/** "Glemt adgangskode?": the e-mail to send a new-password link to (if it is a user's). */
export const forgotPasswordSchema = z.object({ email: emailField });

export const roleField = z.enum(ROLES, {
	error: t('admin.role_invalid')
});

export const nameField = z
	.string({ error: t('setup.name_required') })
	.trim()
	.min(1, { error: t('setup.name_required') })
	.max(200, { error: t('setup.name_required') });

/**
 * The invite form. Administrator is the one role that must be confirmed with a tick (`confirmAdmin`), so a
 * slip in the role list never makes an administrator; the tick is not part of what is stored.
 */
export const inviteSchema = z
	.object({
		name: nameField,
		email: emailField,
		role: roleField,
		confirmAdmin: z.literal('on').optional().catch(undefined)
	})
	.refine((invite) => !roleNeedsConfirmation(invite.role) || invite.confirmAdmin === 'on', {
		path: ['confirmAdmin'],
		error: t('admin.confirm_admin_required')
	})
	.transform(({ name, email, role }) => ({ name, email, role }));
