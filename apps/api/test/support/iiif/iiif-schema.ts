import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(join(import.meta.dirname ?? __dirname, 'presentation-3.schema.json'), 'utf8'));
// strict: false — the official schema carries keywords ajv's strict mode rejects (titles beside $ref, unknown formats' siblings).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a IIIF Presentation 3 document, one line each; empty when it is valid. */
export function presentationErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}
