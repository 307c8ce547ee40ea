import { z } from 'zod';
import { t } from '../messages';
import { checkPassword, type PasswordContext } from './password-policy';

/**
 * The "choose a password" fields (password + repeat) with the password policy, for the given e-mail and
 * the user's own words (their name, the organisation's name). A refusal names the problem and then
 * zxcvbn's advice, all in Danish, on the password field.
 * @example const form = parseForm(newPasswordSchema({ email: user.email, userInputs: [user.name, organisation.name] }), await request.formData());
 */
export function newPasswordSchema(context: PasswordContext & { email: string }) {
	return z
		.object({
			password: z.string({ error: t('password.too_short') }),
			passwordRepeat: z.string({ error: t('password.mismatch') })
		})
		.superRefine((value, ctx) => {
			const refusal = checkPassword(value.password, context);
			if (refusal) {
				const message = [t(`password.${refusal.problem}`), ...refusal.advice.map((key) => t(key))].join(' ');
				ctx.addIssue({ code: 'custom', path: ['password'], message });
			} else if (value.password !== value.passwordRepeat)
				ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: t('password.mismatch') });
		});
}
