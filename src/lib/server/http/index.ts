// HTTP glue: the API's JSON errors, body and path reading, form parsing, the one refusal → response mapper (forms and API), the OpenAPI document and the headers on every response.
export * from './api';
export * from './forms';
export * from './refusal';
export * from './openapi';
export * from './base-headers.js';
