import { canonicalRightsUri } from '@vitrina/contracts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { MediaAssetEntity } from '../media/media-asset.entity';
import type { DescribedRecordOf } from '../site/described-records';
import { iiifAddresses } from '../site/iiif/manifest';
import { NS } from './oai-namespaces';
import { type LangText, approved, dcmiType, plain, years } from './record-texts';

/** What Europeana is told when a curator gave no rights statement: Copyright Not Evaluated, never a guess. */
const NOT_EVALUATED = 'http://rightsstatements.org/vocab/CNE/1.0/';
const PLATFORM = 'Vitrina';

type Heritage = DescribedRecordOf<'items'> | DescribedRecordOf<'memorials'>;

function texts(parent: XMLBuilder, ns: string, name: string, values: LangText[]): void {
  for (const value of values) parent.ele(ns, name, value.lang ? { 'xml:lang': value.lang } : {}).txt(value.text);
}
const resource = (parent: XMLBuilder, ns: string, name: string, uri: string) => parent.ele(ns, name, { 'rdf:resource': uri });

function providedCho(rdf: XMLBuilder, described: Heritage, about: string): void {
  const { record, source, country } = described;
  const cho = rdf.ele(NS.edm, 'edm:ProvidedCHO', { 'rdf:about': about });
  const content = record.content;
  texts(cho, NS.dc, 'dc:title', approved(source.title));
  texts(cho, NS.dc, 'dc:description', approved(content.description));
  texts(cho, NS.dc, 'dc:creator', approved(content.creator));
  texts(cho, NS.dc, 'dc:date', plain(described.collection === 'memorials' ? (described.record.content.unveilingDate ?? years(content.date)) : years(content.date)));
  texts(cho, NS.dc, 'dc:identifier', plain(content.inventoryNumber));
  for (const tag of content.tags) texts(cho, NS.dc, 'dc:subject', Object.entries(tag).map(([lang, text]) => ({ lang, text: text! })));
  texts(cho, NS.dc, 'dc:type', plain(dcmiType(described)));
  if (!source.images.length) texts(cho, NS.dc, 'dc:language', plain(country.defaultLanguage));
  texts(cho, NS.dcterms, 'dcterms:medium', approved(content.materials));
  texts(cho, NS.dcterms, 'dcterms:extent', plain(content.dimensions));
  texts(cho, NS.dcterms, 'dcterms:spatial', described.collection === 'memorials' ? approved(described.record.content.address) : approved(described.record.content.place));
  // What a visitor finds online: the pictures, or (with none yet) the page's text.
  cho.ele(NS.edm, 'edm:type').txt(source.images.length ? 'IMAGE' : 'TEXT');
}

function webResource(rdf: XMLBuilder, base: string, asset: MediaAssetEntity, manifest: string): void {
  const at = iiifAddresses(base);
  const widths = asset.derivativeWidths!;
  const web = rdf.ele(NS.edm, 'edm:WebResource', { 'rdf:about': at.rendition(asset.id, widths[widths.length - 1]) });
  texts(web, NS.dc, 'dc:description', approved(asset.caption).length ? approved(asset.caption) : approved(asset.alt));
  texts(web, NS.dc, 'dc:format', plain('image/webp'));
  if (asset.rights) resource(web, NS.edm, 'edm:rights', canonicalRightsUri(asset.rights));
  resource(web, NS.dcterms, 'dcterms:isReferencedBy', manifest);
  resource(web, NS.svcs, 'svcs:has_service', at.imageService(asset.id));
}

/** A IIIF Image API service, as EDM describes one (Europeana's IIIF guidelines). */
function imageService(rdf: XMLBuilder, base: string, asset: MediaAssetEntity): void {
  const service = rdf.ele(NS.svcs, 'svcs:Service', { 'rdf:about': iiifAddresses(base).imageService(asset.id) });
  resource(service, NS.dcterms, 'dcterms:conformsTo', 'http://iiif.io/api/image');
  resource(service, NS.doap, 'doap:implements', 'http://iiif.io/api/image/3/level1.json');
}

/**
 * An item or memorial in the Europeana Data Model: the object
 * (edm:ProvidedCHO), its images (edm:WebResource, each with its IIIF
 * service) and the aggregation that ties them to this museum.
 */
export function appendEdm(parent: XMLBuilder, base: string, described: Heritage): void {
  const { country, source } = described;
  const at = iiifAddresses(base);
  const page = at.page(country.slug, source.collection, source.slug);
  const manifest = at.manifest(source.collection, source.id);
  const rdf = parent.ele(NS.rdf, 'rdf:RDF', {
    'xmlns:edm': NS.edm,
    'xmlns:dc': NS.dc,
    'xmlns:dcterms': NS.dcterms,
    'xmlns:ore': NS.ore,
    'xmlns:svcs': NS.svcs,
    'xmlns:doap': NS.doap,
    'xsi:schemaLocation': `${NS.rdf} http://www.europeana.eu/schemas/edm/EDM.xsd`,
  });
  const cho = `${page}#object`;
  providedCho(rdf, described, cho);
  for (const asset of source.images) webResource(rdf, base, asset, manifest);
  for (const asset of source.images) imageService(rdf, base, asset);
  const aggregation = rdf.ele(NS.ore, 'ore:Aggregation', { 'rdf:about': `${page}#aggregation` });
  resource(aggregation, NS.edm, 'edm:aggregatedCHO', cho);
  texts(aggregation, NS.edm, 'edm:dataProvider', Object.entries(country.names).slice(0, 1).map(([lang, name]) => ({ lang, text: name! })));
  for (const asset of source.images.slice(1)) resource(aggregation, NS.edm, 'edm:hasView', at.rendition(asset.id, asset.derivativeWidths!.at(-1)!));
  resource(aggregation, NS.edm, 'edm:isShownAt', page);
  const [first] = source.images;
  if (first) {
    resource(aggregation, NS.edm, 'edm:isShownBy', at.rendition(first.id, first.derivativeWidths!.at(-1)!));
    resource(aggregation, NS.edm, 'edm:object', at.rendition(first.id, first.derivativeWidths![0]));
  }
  aggregation.ele(NS.edm, 'edm:provider').txt(PLATFORM);
  resource(aggregation, NS.edm, 'edm:rights', source.rights ? canonicalRightsUri(source.rights) : NOT_EVALUATED);
}
