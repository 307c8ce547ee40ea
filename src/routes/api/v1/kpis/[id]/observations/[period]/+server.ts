import { json } from '@sveltejs/kit';
import type { RequestEvent, RequestHandler } from './$types';
import { getDb } from '$lib/server/infra/db';
import { writeInTransaction, type Refusal } from '$lib/server/infra/write-result';
import { apiError, apiUser, readJson } from '$lib/server/http/api';
import { parseId, periodMessage } from '$lib/schemas/fields';
import { apiRefusal } from '$lib/server/http/refusal';
import {
	canEditKpi,
	checkObservationPlausibility,
	deleteObservation,
	findKpi,
	loadApiObservations,
	saveObservation,
	storedObservationOf
} from '$lib/server/kpis';
import { observationPutBody } from '$lib/schemas/api';
import { formatPeriod, parsePeriodInputFor } from '$lib/domain/periods';
import { t } from '$lib/server/messages';

/** The caller, the KPI (of their organisation, writable by them) and the period (of its frequency) — or the error to send. */
async function target(event: RequestEvent) {
	const user = apiUser(event.locals, 'live.read');
	if (user instanceof Response) return user;
	const id = parseId(event.params.id);
	const db = await getDb();
	const kpi = id === null ? undefined : await findKpi(db, user.organisationId, id);
	if (!kpi) return apiError(404, 'not_found', t('kpi.not_found'));
	if (!(await canEditKpi(db, user, kpi.id))) return apiError(403, 'forbidden', t('observation.not_allowed'));
	const period = parsePeriodInputFor(event.params.period, kpi.frequency);
	if (!period.ok) {
		return apiError(422, 'invalid', t('api.invalid_input'), { period: periodMessage(period.error, kpi.frequency) });
	}
	return { user, kpi, db, period: formatPeriod(period.period) };
}

/** A stale write's 409: the stored version when there is one, so the client can fetch it and decide. */
function conflict(refusal: Extract<Refusal, { kind: 'stale' }>) {
	const stored = storedObservationOf(refusal);
	if (!stored) return { message: t('api.conflict_missing') };
	const message = t('api.conflict', { version: stored.version });
	return { message, fields: { version: message } };
}

/** PUT /api/v1/kpis/{id}/observations/{period} — 201 created, 200 updated, 409 stale version, 422 invalid. */
export const PUT: RequestHandler = async (event) => {
	const found = await target(event);
	if (found instanceof Response) return found;
	const body = await readJson(event.request, observationPutBody);
	if (body instanceof Response) return body;
	const { user, kpi, db, period } = found;
	// The entry form's plausibility rules: bounds and future periods refused, decimals rounded (the answer shows
	// the stored value), an unusual change saved only with confirmUnusual.
	const check = await checkObservationPlausibility(db, user.organisationId, kpi, period, body.value);
	if (check.errors.length > 0)
		return apiError(
			422,
			'invalid',
			t('api.invalid_input'),
			Object.fromEntries(check.errors.map((e) => [e.field, e.message]).reverse())
		);
	if (check.unusual && !body.confirmUnusual)
		return apiError(422, 'unusual', t('api.unusual_value', { message: check.unusual }), { value: check.unusual });
	const result = await writeInTransaction(db, (trx) =>
		saveObservation(trx, {
			organisationId: user.organisationId,
			kpiId: kpi.id,
			period,
			value: check.value,
			comment: body.comment,
			source: body.source,
			seriesBreak: body.seriesBreak,
			expectedVersion: body.version ?? null,
			userId: user.id,
			clientAddress: event.getClientAddress()
		})
	);
	if (result.kind !== 'ok') return apiRefusal(result, { stale: conflict });
	const stored = (await loadApiObservations(db, user.organisationId, kpi.id)).find((o) => o.period === period);
	return json(stored, { status: result.change === 'created' ? 201 : 200 });
};

/** DELETE /api/v1/kpis/{id}/observations/{period}?version=N — 204 deleted, 409 stale or missing. */
export const DELETE: RequestHandler = async (event) => {
	const found = await target(event);
	if (found instanceof Response) return found;
	const version = parseId(event.url.searchParams.get('version') ?? '');
	if (version === null) return apiError(422, 'invalid', t('api.invalid_input'), { version: t('api.version_required') });
	const { user, kpi, db, period } = found;
	const result = await writeInTransaction(db, (trx) =>
		deleteObservation(trx, {
			organisationId: user.organisationId,
			kpiId: kpi.id,
			period,
			expectedVersion: version,
			userId: user.id,
			clientAddress: event.getClientAddress()
		})
	);
	return result.kind === 'ok' ? new Response(null, { status: 204 }) : apiRefusal(result, { stale: conflict });
};
