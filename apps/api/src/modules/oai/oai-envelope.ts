import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { NS } from './oai-namespaces';

/** A datestamp as OAI-PMH writes it: UTC to the second. */
export const datestamp = (iso: string) => `${iso.slice(0, 19)}Z`;

/**
 * The OAI-PMH envelope: response date, the request as understood (its
 * arguments only when they were valid, §3.2), then the verb's element or
 * the errors, which `fill` appends to the root.
 */
export function oaiDocument(baseUrl: string, request: Record<string, string>, fill: (root: XMLBuilder) => void): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.oai, 'OAI-PMH', {
    'xmlns:xsi': NS.xsi,
    'xsi:schemaLocation': `${NS.oai} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`,
  });
  root.ele(NS.oai, 'responseDate').txt(datestamp(new Date().toISOString()));
  root.ele(NS.oai, 'request', request).txt(baseUrl);
  fill(root);
  return root.end({ prettyPrint: false });
}
