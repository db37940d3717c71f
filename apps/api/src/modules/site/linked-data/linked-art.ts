import { type ContentLanguage, approvedTexts as textsOf, canonicalRightsUri } from '@vitrina/contracts';
import type { ItemEntity } from '../../content/kinds/item.entity';
import type { DescribedRecordOf } from '../described-records';
import { iiifAddresses } from '../iiif/manifest';

/**
 * Getty AAT terms Linked Art's recommended vocabulary names
 * (https://linked.art/model/vocab/): every term here is taken from it, none
 * made up. A kind or a language it has no term for is left unclassified.
 */
const aat = (id: number, label: string) => ({ id: `http://vocab.getty.edu/aat/${id}`, type: 'Type', _label: label });
const TERMS = {
  primaryName: aat(300404670, 'Primary Name'),
  accessionNumber: aat(300312355, 'Accession Number'),
  description: aat(300435416, 'Description'),
  materials: aat(300435429, 'Materials Statement'),
  dimensions: aat(300435430, 'Dimensions Statement'),
  provenance: aat(300435438, 'Provenance Statement'),
  production: aat(300435436, 'Production Statement'),
  creditLine: aat(300026687, 'Credit Line'),
  rights: aat(300435434, 'Rights Statement'),
  webPage: aat(300264578, 'Web Page'),
  digitalImage: aat(300215302, 'Digital Image'),
};
const STATEMENT_TYPE = aat(300418049, 'Brief Text');
const TYPE_OF_WORK = aat(300435443, 'Type of Work');
const KIND_TERMS: Record<string, ReturnType<typeof aat>> = {
  photograph: aat(300046300, 'Photograph'),
  artwork: aat(300133025, 'Artwork'),
  building: aat(300004792, 'Building'),
};
const LANGUAGES: Partial<Record<ContentLanguage, [number, string]>> = {
  en: [300388277, 'English'],
  ru: [300389168, 'Russian'],
  hy: [300387870, 'Armenian'],
  az: [300387903, 'Azerbaijani'],
  be: [300387967, 'Belarusian'],
  ka: [300388343, 'Georgian'],
  kk: [300388568, 'Kazakh'],
  ky: [300388668, 'Kyrgyz'],
  ro: [300389157, 'Romanian'],
  tg: [300389350, 'Tajik'],
  uk: [300389489, 'Ukrainian'],
  uz: [300389510, 'Uzbek'],
};

function language(lang: string) {
  const term = LANGUAGES[lang as ContentLanguage];
  return term ? { language: [{ id: `http://vocab.getty.edu/aat/${term[0]}`, type: 'Language', _label: term[1] }] } : {};
}

type Texts = { lang: string; text: string }[];
/** The texts in the order a visitor's page falls back through (the country's language, then Russian): the first title is the primary name. */
const leading = (texts: Texts, countryLanguage: string): Texts => {
  const rank = (lang: string) => (lang === countryLanguage ? 0 : lang === 'ru' ? 1 : 2);
  return [...texts].sort((a, b) => rank(a.lang) - rank(b.lang));
};

/** Statements (`referred_to_by`) of one classification, one per language. */
function statements(texts: Texts, term: ReturnType<typeof aat>) {
  return texts.map(({ lang, text }) => ({
    type: 'LinguisticObject',
    classified_as: [{ ...term, classified_as: [STATEMENT_TYPE] }],
    content: text,
    ...language(lang),
  }));
}

const plainStatement = (text: string | undefined, term: ReturnType<typeof aat>) => (text ? statements([{ lang: '', text }], term) : []);

/** The years of a date range as a Linked Art time-span, from the first second of the first to the last of the last. */
function timespan(item: ItemEntity) {
  const { earliest, latest } = item.content.date ?? {};
  if (earliest === undefined && latest === undefined) return undefined;
  const year = (value: number) => (value < 0 ? `-${String(-value).padStart(6, '0')}` : String(value).padStart(4, '0'));
  return {
    type: 'TimeSpan',
    begin_of_the_begin: `${year((earliest ?? latest)!)}-01-01T00:00:00Z`,
    end_of_the_end: `${year((latest ?? earliest)!)}-12-31T23:59:59Z`,
  };
}

function digitalObject(url: string, format: string, term?: ReturnType<typeof aat>, conformsTo?: string) {
  return {
    type: 'DigitalObject',
    ...(term ? { classified_as: [term] } : {}),
    access_point: [{ id: url, type: 'DigitalObject' }],
    format,
    ...(conformsTo ? { conforms_to: [{ id: conformsTo, type: 'InformationObject' }] } : {}),
  };
}

/**
 * An item as a Linked Art Human-Made Object (https://linked.art/api/1.0/endpoint/object/):
 * the data model of museums' collection systems, for partners who
 * aggregate objects rather than web pages.
 */
export function linkedArtObject(base: string, described: DescribedRecordOf<'items'>) {
  const { record, country, source } = described;
  const at = iiifAddresses(base);
  const content = record.content;
  const titles = leading(textsOf(content.title), country.defaultLanguage);
  const production = [...statements(textsOf(content.creator), TERMS.production)];
  const span = timespan(record);
  return {
    '@context': 'https://linked.art/ns/v1/linked-art.json',
    id: at.linkedArt(source.id),
    type: 'HumanMadeObject',
    _label: titles[0]?.text ?? record.slug,
    ...(KIND_TERMS[record.kind] ? { classified_as: [{ ...KIND_TERMS[record.kind], classified_as: [TYPE_OF_WORK] }] } : {}),
    identified_by: [
      ...titles.map(({ lang, text }, index) => ({ type: 'Name', ...(index === 0 ? { classified_as: [TERMS.primaryName] } : {}), content: text, ...language(lang) })),
      ...(content.inventoryNumber ? [{ type: 'Identifier', classified_as: [TERMS.accessionNumber], content: content.inventoryNumber }] : []),
    ],
    referred_to_by: [
      ...statements(textsOf(content.description), TERMS.description),
      ...statements(textsOf(content.materials), TERMS.materials),
      ...plainStatement(content.dimensions, TERMS.dimensions),
      ...statements(textsOf(content.provenance), TERMS.provenance),
      ...statements(textsOf(content.creditLine), TERMS.creditLine),
      ...plainStatement(content.rights ? canonicalRightsUri(content.rights) : undefined, TERMS.rights),
    ],
    ...(production.length || span ? { produced_by: { type: 'Production', ...(production.length ? { referred_to_by: production } : {}), ...(span ? { timespan: span } : {}) } } : {}),
    ...(source.images.length
      ? {
          representation: source.images.map((asset) => ({
            type: 'VisualItem',
            digitally_shown_by: [digitalObject(at.rendition(asset.id, asset.derivativeWidths!.at(-1)!), 'image/webp', TERMS.digitalImage)],
          })),
        }
      : {}),
    subject_of: [
      { type: 'LinguisticObject', digitally_carried_by: [digitalObject(at.page(country.slug, 'items', source.slug), 'text/html', TERMS.webPage)] },
      ...(source.images.length
        ? [
            {
              type: 'LinguisticObject',
              digitally_carried_by: [
                digitalObject(at.manifest('items', source.id), 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"', undefined, 'http://iiif.io/api/presentation'),
              ],
            },
          ]
        : []),
    ],
  };
}
