import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCan } from '$lib/server/auth/guards';
import { getDb, inTransaction } from '$lib/server/infra/db';
import { importProgramme, readProgrammeDocument, type DocumentProblem } from '$lib/server/register';
import { t } from '$lib/server/messages';

/** The largest programme document accepted (a whole register is far smaller). */
const MAX_DOCUMENT_BYTES = 5_000_000;

export const load: PageServerLoad = async (event) => {
	requireCan(event, 'register.edit');
	return {};
};

const refused = (problems: DocumentProblem[]) => fail(400, { problems });

export const actions: Actions = {
	default: async (event) => {
		const user = requireCan(event, 'register.edit');
		const formData = await event.request.formData();
		const file = formData.get('file');
		const pasted = formData.get('text');
		let text = typeof pasted === 'string' ? pasted.trim() : '';
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_DOCUMENT_BYTES)
				return refused([
					{ where: t('programme_document.section.document'), message: t('programme_document.too_large') }
				]);
			text = await file.text();
		}
		if (!text)
			return refused([{ where: t('programme_document.section.document'), message: t('programme_document.missing') }]);
		if (text.length > MAX_DOCUMENT_BYTES)
			return refused([{ where: t('programme_document.section.document'), message: t('programme_document.too_large') }]);
		const read = readProgrammeDocument(text);
		if (!read.ok) return refused(read.problems);
		// The whole document in one transaction: all of it or nothing.
		const result = await inTransaction(await getDb(), (trx) => importProgramme(trx, user, read.document));
		if (result.kind === 'invalid')
			return refused([{ where: t('programme_document.section.programme'), message: result.message }]);
		redirect(303, `/programmer/${result.programmeId}?gemt=importeret`);
	}
};
