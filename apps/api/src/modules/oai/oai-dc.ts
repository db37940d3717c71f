import { canonicalRightsUri } from '@vitrina/contracts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { DescribedRecord } from '../site/described-records';
import { iiifAddresses } from '../site/iiif/manifest';
import { NS } from './oai-namespaces';
import { type LangText, approved, dcmiType, labels, plain, years } from './record-texts';

type Element = 'title' | 'creator' | 'subject' | 'description' | 'publisher' | 'date' | 'type' | 'identifier' | 'relation' | 'coverage' | 'rights';

/** What each kind says in Dublin Core, element by element, in the order of the simple DC schema. */
function elements(base: string, described: DescribedRecord): [Element, LangText[]][] {
  const { country, source } = described;
  const at = iiifAddresses(base);
  const common = {
    title: approved(source.title),
    publisher: Object.entries(country.names).map(([lang, name]) => ({ lang, text: name! })),
    type: plain(dcmiType(described)),
    identifier: plain(at.page(country.slug, source.collection, source.slug)),
    relation: plain(source.images.length ? at.manifest(source.collection, source.id) : undefined),
    rights: plain(source.rights ? canonicalRightsUri(source.rights) : undefined),
  };
  let own: Partial<Record<Element, LangText[]>> = {};
  switch (described.collection) {
    case 'items': {
      const content = described.record.content;
      own = {
        creator: approved(content.creator),
        subject: content.tags.flatMap(labels),
        description: approved(content.description),
        date: plain(years(content.date)),
        coverage: approved(content.place),
      };
      break;
    }
    case 'memorials': {
      const content = described.record.content;
      own = { creator: approved(content.creator), description: approved(content.description), date: plain(content.unveilingDate ?? years(content.date)), coverage: approved(content.address) };
      break;
    }
    case 'people': {
      const content = described.record.content;
      own = { description: approved(content.biography, true), date: plain([content.birth?.date, content.death?.date].filter(Boolean).join('/') || undefined) };
      break;
    }
    case 'exhibitions':
      own = { description: approved(described.record.content.summary, true) };
      break;
  }
  const all: Record<Element, LangText[]> = { ...{ creator: [], subject: [], description: [], date: [], coverage: [] }, ...common, ...own } as Record<Element, LangText[]>;
  const order: Element[] = ['title', 'creator', 'subject', 'description', 'publisher', 'date', 'type', 'identifier', 'relation', 'coverage', 'rights'];
  return order.map((name) => [name, all[name]]);
}

/** The record as unqualified Dublin Core (`oai_dc`), the format every OAI-PMH repository must give. */
export function appendOaiDc(parent: XMLBuilder, base: string, described: DescribedRecord): void {
  const dc = parent.ele(NS.oaiDc, 'oai_dc:dc', {
    'xmlns:dc': NS.dc,
    'xsi:schemaLocation': `${NS.oaiDc} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`,
  });
  for (const [name, values] of elements(base, described)) {
    for (const value of values) dc.ele(NS.dc, `dc:${name}`, value.lang ? { 'xml:lang': value.lang } : {}).txt(value.text);
  }
}
