import { z } from 'zod';
import { t } from '../../messages';
import { checkPassword } from './password-policy';

/**
 * The "choose a password" fields (password + repeat) with the password policy, for the given e-mail.
 * @example const form = parseForm(newPasswordSchema(user.email), await request.formData());
 */
export function newPasswordSchema(email: string) {
	return z
		.object({
			password: z.string({ error: t('password.too_short') }),
			passwordRepeat: z.string({ error: t('password.mismatch') })
		})
		.superRefine((value, ctx) => {
			const problem = checkPassword(value.password, { email });
			if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: t(`password.${problem}`) });
			else if (value.password !== value.passwordRepeat)
				ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: t('password.mismatch') });
		});
}
