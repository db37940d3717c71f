import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const HERE = import.meta.dirname ?? __dirname;
const schemas = readdirSync(HERE)
  .filter((name) => name.endsWith('.xsd'))
  .map((fileName) => ({ fileName, contents: readFileSync(join(HERE, fileName), 'utf8') }));

/**
 * xmllint's complaints about an OAI-PMH answer, validated against the
 * OAI-PMH schema and the schema of the metadata inside it (strictly, as
 * OAI-PMH.xsd asks); empty when it is valid.
 */
export async function oaiSchemaErrors(xml: string, metadata: 'oai_dc' | 'edm' = 'oai_dc'): Promise<string[]> {
  const main = `harvest-${metadata}.xsd`;
  const result = await validateXML({
    xml: [{ fileName: 'answer.xml', contents: xml }],
    schema: schemas.find((schema) => schema.fileName === main)!,
    preload: schemas.filter((schema) => schema.fileName !== main),
    maxMemoryPages: 4096,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
