import { z } from 'zod';
import { IMPORT_CONTENT_TYPES } from '../imports/read';
import { MAX_DATE, MIN_DATE } from '../../schemas/fields';
import { KPI_STATUSES } from '../../domain/progress';
import { apiErrorShape, kpiCreateBody, kpiShape, observationPutBody, observationShape } from '../../schemas/api';

function schema(type: z.ZodType, io: 'input' | 'output' = 'output') {
	const { $schema: _drop, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Record<string, unknown>;
	return rest;
}

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});
const ok = (description: string, ref: object) => ({ description, content: { 'application/json': { schema: ref } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const periodParam = {
	name: 'period',
	in: 'path',
	required: true,
	schema: { type: 'string', examples: ['2025', '2025-H2', '2025-Q3', '2025-09'] }
};
const asOfParam = {
	name: 'asOf',
	in: 'query',
	required: false,
	description: `Dato for beregningen (${MIN_DATE} til ${MAX_DATE}); standard er i dag`,
	schema: { type: 'string', format: 'date' }
};
const refused = {
	'401': errorResponse('Ikke logget ind'),
	'403': errorResponse('Ingen adgang'),
	'404': errorResponse('Findes ikke')
};

const recommendationList = z.object({
	asOf: z.string(),
	recommendations: z.array(
		z.object({
			id: z.number().int(),
			number: z.number().int(),
			title: z.string(),
			status: z
				.enum(KPI_STATUSES)
				.nullable()
				.meta({ description: 'The worst status of the primary KPIs (missed first); null: follow-up items instead' }),
			statusSource: z.enum(['kpi', 'follow_up']),
			decision: z
				.object({
					date: z.string(),
					body: z.string(),
					kind: z.enum(['consensus', 'dissent']).nullable(),
					dissentText: z.string()
				})
				.nullable(),
			budget: z.object({ allocatedKr: z.number().int(), spentKr: z.number().int() })
		})
	)
});

const importResult = z.object({
	rows: z.number().int(),
	created: z.number().int(),
	updated: z.number().int(),
	unchanged: z.number().int(),
	errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
	warnings: z
		.array(z.object({ line: z.number().int(), message: z.string() }))
		.meta({ description: 'Det, der bør ses efter, men gemmes: afrundet værdi, tvivlsom skala (0,069 for 6,9 %)' }),
	unusual: z.array(z.object({ line: z.number().int(), message: z.string() })).meta({
		description:
			'Rækker, hvis værdi ændrer sig mere end 3 standardafvigelser af nøgletallets sædvanlige ændringer; gemmes kun med confirmUnusual=true'
	})
});

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas that validate the requests.
 * @example const doc = openApiDocument(); doc.paths['/api/v1/kpis'].get
 */
export function openApiDocument() {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Fremdrift API',
			version: '1',
			description:
				'Anbefalinger, nøgletal og værdier for én kommune. Fejl: {"error":{"code","message","fields"}} med danske beskeder.'
		},
		security: [{ bearer: [] }, { session: [] }],
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'Personlig API-nøgle: fremdrift_<id>.<hemmelighed>' },
				session: { type: 'apiKey', in: 'cookie', name: 'fremdrift_session' }
			},
			schemas: {
				Kpi: schema(kpiShape),
				KpiCreate: schema(kpiCreateBody, 'input'),
				Observation: schema(observationShape),
				ObservationPut: schema(observationPutBody, 'input'),
				RecommendationList: schema(recommendationList),
				ImportResult: schema(importResult),
				Error: schema(apiErrorShape)
			}
		},
		paths: {
			'/api/v1/recommendations': {
				get: {
					summary: 'Anbefalinger med beregnet status',
					parameters: [asOfParam],
					responses: {
						'200': ok('Liste', { $ref: '#/components/schemas/RecommendationList' }),
						'422': errorResponse('Ugyldig dato'),
						...refused
					}
				}
			},
			'/api/v1/recommendations/{id}': {
				get: {
					summary: 'Én anbefaling: alle felter, nøgletal, budget, opfølgningspunkter og status',
					parameters: [idParam, asOfParam],
					responses: {
						'200': { description: 'Anbefalingen', content: { 'application/json': { schema: { type: 'object' } } } },
						'422': errorResponse('Ugyldig dato'),
						...refused
					}
				}
			},
			'/api/v1/kpis': {
				get: {
					summary: 'Nøgletal med status',
					parameters: [asOfParam],
					responses: {
						'200': ok('Liste', {
							type: 'object',
							properties: { kpis: { type: 'array', items: { $ref: '#/components/schemas/Kpi' } } }
						}),
						'422': errorResponse('Ugyldig dato'),
						...refused
					}
				},
				post: {
					summary: 'Opret nøgletal (administrator, direktør)',
					requestBody: {
						required: true,
						content: { 'application/json': { schema: { $ref: '#/components/schemas/KpiCreate' } } }
					},
					responses: {
						'201': ok('Oprettet', { $ref: '#/components/schemas/Kpi' }),
						'400': errorResponse('Ikke JSON'),
						'409': errorResponse('Navnet er taget'),
						'413': errorResponse('For stor'),
						'415': errorResponse('Forkert Content-Type'),
						'422': errorResponse('Ugyldige felter'),
						...refused
					}
				}
			},
			'/api/v1/kpis/{id}': {
				get: {
					summary: 'Ét nøgletal med status pr. dato og dets sammenligningsserier',
					parameters: [idParam, asOfParam],
					responses: {
						'200': ok('Nøgletallet', {
							allOf: [
								{ $ref: '#/components/schemas/Kpi' },
								{
									type: 'object',
									properties: {
										comparisons: {
											type: 'array',
											items: {
												type: 'object',
												properties: {
													name: { type: 'string' },
													source: { type: 'string' },
													values: {
														type: 'array',
														items: {
															type: 'object',
															properties: { period: { type: 'string' }, value: { type: 'number' } }
														}
													}
												}
											}
										}
									}
								}
							]
						}),
						'422': errorResponse('Ugyldig dato'),
						...refused
					}
				}
			},
			'/api/v1/kpis/{id}/observations': {
				get: {
					summary: 'Nøgletallets værdier',
					parameters: [idParam],
					responses: {
						'200': ok('Liste', {
							type: 'object',
							properties: { observations: { type: 'array', items: { $ref: '#/components/schemas/Observation' } } }
						}),
						...refused
					}
				}
			},
			'/api/v1/kpis/{id}/observations/{period}': {
				put: {
					summary: 'Gem værdien for en periode (version kræves for at ændre en eksisterende)',
					description:
						'value sendes altid. comment, source og seriesBreak, der udelades, bevarer den gemte værdi (en ny værdi får "" og false); null rydder dem. ' +
						'Værdien kontrolleres som i indtastningsformularen: uden for nøgletallets grænser (minValue/maxValue, ellers enhedens: % 0–100, antal og dage mindst 0) eller i en periode efter den nuværende → 422 invalid med grunden ved feltet; ' +
						'flere decimaler end nøgletallets afrundes halvt op (væk fra nul), og svaret viser den gemte værdi; ' +
						'en ændring på mere end 3 standardafvigelser af nøgletallets sædvanlige ændringer → 422 unusual, medmindre confirmUnusual er true.',
					parameters: [idParam, periodParam],
					requestBody: {
						required: true,
						content: { 'application/json': { schema: { $ref: '#/components/schemas/ObservationPut' } } }
					},
					responses: {
						'200': ok('Ændret', { $ref: '#/components/schemas/Observation' }),
						'201': ok('Oprettet', { $ref: '#/components/schemas/Observation' }),
						'400': errorResponse('Ikke JSON'),
						'409': errorResponse('Forældet version'),
						'413': errorResponse('For stor'),
						'415': errorResponse('Forkert Content-Type'),
						'422': errorResponse(
							'Ugyldige felter eller periode, værdi uden for grænserne, eller usædvanlig ændring (kode unusual)'
						),
						...refused
					}
				},
				delete: {
					summary: 'Slet værdien (med den version, man så)',
					parameters: [
						idParam,
						periodParam,
						{ name: 'version', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } }
					],
					responses: {
						'204': { description: 'Slettet' },
						'409': errorResponse('Forældet version'),
						'422': errorResponse('Version mangler'),
						...refused
					}
				}
			},
			'/api/v1/imports/observations': {
				post: {
					summary: 'Importér værdier fra CSV (dansk Excel eller komma/punktum) eller XLSX – alt eller intet',
					description:
						'Hver række kontrolleres som i indtastningsformularen. Svaret viser hver rækkes advarsler (warnings) og usædvanlige ændringer (unusual). ' +
						'En række, hvis værdi ændrer sig mere end 3 standardafvigelser af nøgletallets sædvanlige ændringer, gemmes kun med confirmUnusual=true; ' +
						'ellers 422 med koden unusual, intet gemt, og linjerne nævnt i beskeden og i fields (linjenummer → grund).',
					parameters: [
						{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean' } },
						{
							name: 'confirmUnusual',
							in: 'query',
							required: false,
							description: 'true: gem også rækker med en usædvanlig ændring (ellers 422 med koden unusual)',
							schema: { type: 'boolean' }
						}
					],
					requestBody: {
						required: true,
						content: {
							[IMPORT_CONTENT_TYPES[0]]: { schema: { type: 'string' } },
							[IMPORT_CONTENT_TYPES[1]]: { schema: { type: 'string', format: 'binary' } }
						}
					},
					responses: {
						'200': ok('Resultat (eller forhåndsvisning med dryRun)', { $ref: '#/components/schemas/ImportResult' }),
						'409': errorResponse('Værdier ændret undervejs'),
						'413': errorResponse('For stor'),
						'415': errorResponse('Forkert Content-Type'),
						'422': {
							description:
								'Rækker med fejl (ImportResult), eller usædvanlige ændringer uden confirmUnusual=true (Error med koden unusual); intet gemt',
							content: {
								'application/json': {
									schema: {
										oneOf: [{ $ref: '#/components/schemas/ImportResult' }, { $ref: '#/components/schemas/Error' }]
									}
								}
							}
						},
						...refused
					}
				}
			},
			'/api/v1/openapi.json': {
				get: { summary: 'Dette dokument', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } }
			}
		}
	};
}
