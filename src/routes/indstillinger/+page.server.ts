import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/infra/db';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/http/forms';
import { formValues, invalidForm } from '$lib/server/http/refusal';
import { reminderFrequency, setReminderFrequency } from '$lib/server/reminders';
import { reminderPreferenceSchema } from '$lib/schemas/reminders';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { frequency: await reminderFrequency(await getDb(), user.id) };
};

export const actions: Actions = {
	/** The signed-in user's own reminder frequency (nobody sets another's). */
	reminders: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		const form = parseForm(reminderPreferenceSchema, formData);
		if (!form.ok) return invalidForm('reminders', form.errors, formValues(formData));
		await setReminderFrequency(await getDb(), user, form.data.frequency, {
			via: 'settings',
			clientAddress: event.getClientAddress()
		});
		return { form: 'reminders', saved: true };
	}
};
