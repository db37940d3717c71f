import { type DateRange, type LocalizedText, type PersonDate, approvedTexts, canonicalRightsUri, identifierUrl } from '@vitrina/contracts';
import { plainTextOf } from '../../../infra/html/rich-text';
import type { ExhibitionEntity } from '../../content/kinds/exhibition.entity';
import type { ItemEntity } from '../../content/kinds/item.entity';
import type { MemorialEntity } from '../../content/kinds/memorial.entity';
import type { PersonEntity } from '../../content/kinds/person.entity';
import { conditionOf } from '../../content/person-views';
import type { MediaAssetEntity } from '../../media/media-asset.entity';
import type { DescribedRecord } from '../described-records';
import { iiifAddresses } from '../iiif/manifest';

/** A JSON-LD value in one language. */
interface LanguageValue {
  '@value': string;
  '@language': string;
}
type Node = Record<string, unknown>;

/** Every language of a visitor-facing text but machine drafts, as JSON-LD language values. */
export function languageValues(text: LocalizedText | undefined | null, toPlain?: (value: string) => string): LanguageValue[] | undefined {
  const values = approvedTexts(text).map(({ lang, text: value }) => ({ '@value': toPlain ? toPlain(value) : value, '@language': lang }));
  return values.length ? values : undefined;
}

/** The object without its undefined fields, so no `"key": null` reaches a harvester. */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined));
}

/** A date range as ISO 8601: a year, or an interval of years (`1941/1945`). */
export function isoRange(range: DateRange | undefined): string | undefined {
  if (!range || (range.earliest === undefined && range.latest === undefined)) return undefined;
  const year = (value: number) => (value < 0 ? `-${String(-value).padStart(4, '0')}` : String(value).padStart(4, '0'));
  const { earliest, latest } = range;
  if (earliest === undefined || latest === undefined || earliest === latest) return year((earliest ?? latest)!);
  return `${year(earliest)}/${year(latest)}`;
}

const personDate = (date: PersonDate | undefined) => date?.date;

function imageObject(base: string, asset: MediaAssetEntity): Node {
  const widths = asset.derivativeWidths!;
  const at = iiifAddresses(base);
  return compact({
    '@type': 'ImageObject',
    contentUrl: at.rendition(asset.id, widths[widths.length - 1]),
    thumbnailUrl: at.rendition(asset.id, widths[0]),
    encodingFormat: 'image/webp',
    width: asset.width,
    height: asset.height,
    caption: languageValues(asset.caption) ?? languageValues(asset.alt),
    license: asset.rights ? canonicalRightsUri(asset.rights) : undefined,
    creditText: languageValues(asset.credit),
  });
}

/** What every record says: its page, name, pictures, its IIIF manifest and the museum that holds it. */
function common(base: string, described: DescribedRecord): Node {
  const { country, source } = described;
  const at = iiifAddresses(base);
  const page = at.page(country.slug, source.collection, source.slug);
  const museum = { '@type': 'Museum', '@id': at.page(country.slug), name: Object.entries(country.names).map(([lang, name]) => ({ '@value': name!, '@language': lang })), url: at.page(country.slug) };
  return compact({
    '@context': 'https://schema.org',
    '@id': page,
    url: page,
    mainEntityOfPage: page,
    name: languageValues(source.title),
    image: source.images.length ? source.images.map((asset) => imageObject(base, asset)) : undefined,
    subjectOf: source.images.length
      ? [{ '@type': 'CreativeWork', '@id': at.manifest(source.collection, source.id), encodingFormat: 'application/ld+json', additionalType: 'http://iiif.io/api/presentation/3#Manifest' }]
      : undefined,
    provider: museum,
  });
}

const ITEM_TYPES: Record<string, string> = { photograph: 'Photograph', artwork: 'VisualArtwork' };

function item(record: ItemEntity): Node {
  const content = record.content;
  return compact({
    '@type': ITEM_TYPES[record.kind] ?? 'CreativeWork',
    description: languageValues(content.description),
    creator: languageValues(content.creator),
    temporalCoverage: isoRange(content.date),
    locationCreated: languageValues(content.place),
    material: languageValues(content.materials),
    size: content.dimensions,
    identifier: content.inventoryNumber,
    keywords: content.tags.length ? content.tags.flatMap((tag) => Object.entries(tag).map(([lang, text]) => ({ '@value': text!, '@language': lang }))) : undefined,
    license: content.rights ? canonicalRightsUri(content.rights) : undefined,
    creditText: languageValues(content.creditLine),
    contentLocation: record.lat !== null && record.lng !== null ? { '@type': 'Place', geo: { '@type': 'GeoCoordinates', latitude: record.lat, longitude: record.lng } } : undefined,
  });
}

function memorial(record: MemorialEntity): Node {
  const content = record.content;
  const condition = conditionOf(record);
  return compact({
    '@type': 'LandmarksOrHistoricalBuildings',
    additionalType: record.kind,
    description: languageValues(content.description),
    address: languageValues(content.address),
    geo: { '@type': 'GeoCoordinates', latitude: content.location.lat, longitude: content.location.lng },
    additionalProperty: condition ? [{ '@type': 'PropertyValue', propertyID: 'condition', name: 'condition', value: condition }] : undefined,
    publicAccess: true,
  });
}

function person(record: PersonEntity): Node {
  const content = record.content;
  const sameAs = content.sources.flatMap((source) => source.identifiers ?? []).map(({ scheme, id }) => identifierUrl(scheme, id));
  return compact({
    '@type': 'Person',
    familyName: content.surname,
    givenName: content.givenName,
    additionalName: content.patronymic,
    alternateName: content.variants.length ? [content.name, ...content.variants] : content.name,
    birthDate: personDate(content.birth),
    deathDate: personDate(content.death),
    birthPlace: content.placeOfBirth ? { '@type': 'Place', name: languageValues(content.placeOfBirth) } : undefined,
    award: content.awards.length ? content.awards : undefined,
    memberOf: content.unit ? { '@type': 'Organization', name: content.unit } : undefined,
    description: languageValues(content.biography, plainTextOf),
    sameAs: sameAs.length ? sameAs : undefined,
  });
}

/** An online exhibition: a curated collection of the museum's records, told as a story. */
function exhibition(record: ExhibitionEntity): Node {
  return compact({ '@type': 'Collection', description: languageValues(record.content.summary, plainTextOf) });
}

/** The record as schema.org JSON-LD: what search engines and aggregators read. */
export function schemaOrgDocument(base: string, described: DescribedRecord): Node {
  const own = (() => {
    switch (described.collection) {
      case 'items':
        return item(described.record);
      case 'memorials':
        return memorial(described.record);
      case 'people':
        return person(described.record);
      case 'exhibitions':
        return exhibition(described.record);
    }
  })();
  const shared = common(base, described);
  return { '@context': shared['@context'], '@type': own['@type'], ...shared, ...own };
}
