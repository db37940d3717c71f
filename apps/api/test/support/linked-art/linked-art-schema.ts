import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const read = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname ?? __dirname, name), 'utf8'));
// strict: false — the official schemas carry annotations ajv's strict mode rejects (titles inside allOf, examples).
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(read('core.json'));
const validate = ajv.compile(read('object.json'));

/** The Linked Art schema's complaints about a Human-Made Object, one line each; empty when it is valid. */
export function linkedArtObjectErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}
