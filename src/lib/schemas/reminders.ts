import { z } from 'zod';
import { t } from '../server/messages';

/** A user's own choice of how often they get the reminder digest. */
export const reminderPreferenceSchema = z.object({
	frequency: z.enum(['off', 'weekly', 'monthly'], { error: t('settings.frequency_invalid') })
});
