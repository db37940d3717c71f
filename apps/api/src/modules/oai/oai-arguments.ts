import { COLLECTION_NAMES, type Collection } from '@vitrina/contracts';
import { OaiError } from './oai-errors';
import { formatOf } from './oai-formats';
import { type ListPosition, decodeResumptionToken } from './resumption-token';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type Verb = (typeof VERBS)[number];

/** A set: a country, or one kind of record of a country (`kazakhstan:items`). */
export interface SetFilter {
  country: string;
  collection?: Collection;
}

export type OaiRequest =
  | { verb: 'Identify' | 'ListSets' }
  | { verb: 'ListMetadataFormats'; identifier?: RecordIdentifier }
  | { verb: 'GetRecord'; identifier: RecordIdentifier; prefix: string }
  | { verb: 'ListIdentifiers' | 'ListRecords'; position: ListPosition };

export interface RecordIdentifier {
  collection: Collection;
  id: string;
}

const ALLOWED: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `oai:{repository}:{collection}/{id}`, the repository being the installation's host name. */
export function formatIdentifier(repository: string, record: RecordIdentifier): string {
  return `oai:${repository}:${record.collection}/${record.id}`;
}

function parseIdentifier(repository: string, value: string): RecordIdentifier {
  const match = new RegExp(`^oai:([^:]+):(${COLLECTION_NAMES.join('|')})/(${UUID})$`).exec(value);
  if (!match || match[1] !== repository) throw new OaiError('idDoesNotExist', `No record here is called ${value}`);
  return { collection: match[2] as Collection, id: match[3] };
}

/** A datestamp argument at either granularity; `end` gives the last instant it covers (for `until`). */
export function parseDatestamp(value: string, end: boolean): { at: Date; granularity: 'day' | 'second' } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const second = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value);
  const at = new Date(day ? `${value}T00:00:00Z` : value);
  if ((!day && !second) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, value.length - (second ? 1 : 0)) !== value.replace(/Z$/, '')) {
    throw new OaiError('badArgument', `${value} is not a datestamp: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`);
  }
  // `until` is inclusive: the whole day, or the whole second.
  if (end) at.setTime(at.getTime() + (day ? 86_400_000 : 1_000) - 1);
  return { at, granularity: day ? 'day' : 'second' };
}

function parseSet(value: string): SetFilter {
  const match = new RegExp(`^([a-z0-9-]{2,64})(?::(${COLLECTION_NAMES.join('|')}))?$`).exec(value);
  if (!match) throw new OaiError('badArgument', `${value} is not a set of this repository: a country, or country:kind (see ListSets)`);
  return { country: match[1], ...(match[2] ? { collection: match[2] as Collection } : {}) };
}

function checkFormat(prefix: string): string {
  if (!formatOf(prefix)) throw new OaiError('cannotDisseminateFormat', `${prefix} is not a metadata format of this repository (see ListMetadataFormats)`);
  return prefix;
}

/**
 * The request's verb and arguments, checked as OAI-PMH 2.0 §3.1 and §4 say:
 * one value per argument, only the verb's arguments, the required ones, and
 * a resumption token alone.
 */
export function parseOaiRequest(query: Record<string, string | string[] | undefined>, repository: string): OaiRequest {
  const verbValue = query.verb;
  if (typeof verbValue !== 'string' || !(VERBS as readonly string[]).includes(verbValue)) {
    throw new OaiError('badVerb', Array.isArray(verbValue) ? 'The verb is given more than once' : `${verbValue ?? 'No verb'} is not an OAI-PMH verb`);
  }
  const verb = verbValue as Verb;
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === 'verb' || value === undefined) continue;
    if (typeof value !== 'string') throw new OaiError('badArgument', `${name} is given more than once`);
    args[name] = value;
  }
  const rules = ALLOWED[verb];
  const names = Object.keys(args);
  if (rules.exclusive && names.includes(rules.exclusive)) {
    if (names.length > 1) throw new OaiError('badArgument', `${rules.exclusive} is an exclusive argument: give it alone`);
    if (verb === 'ListSets') throw new OaiError('badResumptionToken', 'ListSets here fits in one answer: it gives no resumption tokens');
    return { verb: verb as 'ListIdentifiers' | 'ListRecords', position: decodeResumptionToken(args[rules.exclusive]) };
  }
  const unknown = names.filter((name) => !rules.required.includes(name) && !rules.optional.includes(name));
  if (unknown.length) throw new OaiError('badArgument', `${verb} takes no argument ${unknown.join(', ')}`);
  const missing = rules.required.filter((name) => !(name in args));
  if (missing.length) throw new OaiError('badArgument', `${verb} needs ${missing.join(' and ')}`);

  switch (verb) {
    case 'Identify':
    case 'ListSets':
      return { verb };
    case 'ListMetadataFormats':
      return { verb, ...(args.identifier ? { identifier: parseIdentifier(repository, args.identifier) } : {}) };
    case 'GetRecord':
      return { verb, identifier: parseIdentifier(repository, args.identifier), prefix: checkFormat(args.metadataPrefix) };
    case 'ListIdentifiers':
    case 'ListRecords': {
      const from = args.from ? parseDatestamp(args.from, false) : undefined;
      const until = args.until ? parseDatestamp(args.until, true) : undefined;
      if (from && until && from.granularity !== until.granularity) throw new OaiError('badArgument', 'from and until must have the same granularity');
      if (from && until && from.at > until.at) throw new OaiError('noRecordsMatch', 'from is after until');
      return {
        verb,
        position: {
          prefix: checkFormat(args.metadataPrefix),
          ...(args.set ? { set: parseSet(args.set) } : {}),
          ...(from ? { from: from.at.toISOString() } : {}),
          ...(until ? { until: until.at.toISOString() } : {}),
          after: null,
          cursor: 0,
        },
      };
    }
  }
}
