import type { LocalizedLabel, LocalizedText, MergeConflict, PersonDate, PersonDocument, PersonSource } from '@vitrina/contracts';

type Copy = MergeConflict['copy'];

/** What a union of two documents gives: the survivor's document with what it lacked, and the values it kept over the duplicate's. */
export interface United {
  document: PersonDocument;
  conflicts: MergeConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const dateText = (date: PersonDate) => `${date.date}${date.circa ? ' (circa)' : ''}`;

function distinct<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A source's identity: its title and archive reference (a second copy differing only in identifiers adds nothing). */
const sourceKey = (source: PersonSource) => JSON.stringify([source.title, source.archive, source.fond, source.opis, source.delo, source.sheet, source.url]);

/**
 * Two documents of one person as one (the survivor `kept`, the duplicate
 * `other`), never overwriting the survivor: its names, slug and every value
 * it has stay; the duplicate's name and spellings join the variants; lists
 * (variants, awards, sources, media, memorial links) are united without
 * repeats; texts per language and single values fill only what the survivor
 * lacks, and a different value the survivor has is reported as a conflict.
 * Used on the drafts and, apart, on the approved copies: a union of approved
 * texts is approved.
 */
export function unitePeople(kept: PersonDocument, other: PersonDocument, copy: Copy): United {
  const conflicts: MergeConflict[] = [];
  const clash = (field: string, keptValue: string, dropped: string) => conflicts.push({ copy, field, kept: keptValue, dropped });

  function single<T>(field: string, a: T | undefined, b: T | undefined, show: (value: T) => string): T | undefined {
    if (a === undefined) return b;
    if (b !== undefined && !same(a, b)) clash(field, show(a), show(b));
    return a;
  }

  /** `show` null: not reported (a display name of another language is a spelling, and joins the variants). */
  function perLanguage<T extends LocalizedText | LocalizedLabel>(field: string, a: T | undefined, b: T | undefined, show: ((value: NonNullable<T[keyof T]>) => string) | null): T | undefined {
    if (!a) return b;
    if (!b) return a;
    const out = { ...a } as Record<string, unknown>;
    for (const [lang, value] of Object.entries(b)) {
      if (value === undefined) continue;
      const mine = out[lang];
      if (mine === undefined) out[lang] = value;
      else if (show && !same(mine, value)) clash(`${field}.${lang}`, show(mine as never), show(value as never));
    }
    return out as T;
  }
  const text = (entry: { text: string }) => entry.text;
  const label = (entry: string) => entry;

  const memorials = [...kept.memorials.map((link) => {
    const theirs = other.memorials.find((o) => o.memorialId === link.memorialId);
    return link.plot === undefined && theirs?.plot !== undefined ? { ...link, plot: theirs.plot } : link;
  }), ...other.memorials.filter((link) => !kept.memorials.some((mine) => mine.memorialId === link.memorialId))];

  const spellings = [...kept.variants, other.name, ...other.variants, ...Object.values(other.title).flatMap((entry) => (entry ? [entry.text] : []))];
  const variants = distinct(spellings.filter((spelling) => spelling !== kept.name), (spelling) => spelling.trim().toLowerCase());

  const fate = kept.fate === 'unknown' ? other.fate : kept.fate;
  if (kept.fate !== 'unknown' && other.fate !== 'unknown' && other.fate !== kept.fate) clash('fate', kept.fate, other.fate);

  const document: PersonDocument = {
    ...kept,
    title: perLanguage('title', kept.title, other.title, null) ?? kept.title,
    surname: single('surname', kept.surname, other.surname, label),
    givenName: single('givenName', kept.givenName, other.givenName, label),
    patronymic: single('patronymic', kept.patronymic, other.patronymic, label),
    variants,
    birth: single('birth', kept.birth, other.birth, dateText),
    death: single('death', kept.death, other.death, dateText),
    placeOfBirth: perLanguage('placeOfBirth', kept.placeOfBirth, other.placeOfBirth, text),
    placeOfConscription: perLanguage('placeOfConscription', kept.placeOfConscription, other.placeOfConscription, text),
    rank: perLanguage('rank', kept.rank, other.rank, label),
    unit: single('unit', kept.unit, other.unit, label),
    fate,
    memorials,
    burialPlace: perLanguage('burialPlace', kept.burialPlace, other.burialPlace, text),
    awards: distinct([...kept.awards, ...other.awards], (award) => award.trim().toLowerCase()),
    sources: distinct([...kept.sources, ...other.sources], sourceKey),
    media: distinct([...kept.media, ...other.media], (ref) => ref.assetId),
    biography: perLanguage('biography', kept.biography, other.biography, () => '(biography)'),
    // Consent recorded for either record was given by (or for) this one person.
    livingConsent: kept.livingConsent || other.livingConsent,
  };
  // Optional fields neither record has stay absent rather than `undefined` keys in the stored JSON.
  for (const key of Object.keys(document) as (keyof PersonDocument)[]) if (document[key] === undefined) delete document[key];
  return { document, conflicts };
}
