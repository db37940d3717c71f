import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from './record-kinds';
import { identifierUrl, personInputSchema } from './people';

const base = { slug: 'ivanov-petr', name: 'Иванов Пётр Семёнович', title: { ru: { text: 'Иванов Пётр Семёнович', status: 'original' } } };
const memorialId = '0b8f3c1e-54f1-4a55-9a59-2f1f1d7c5a10';
const otherMemorialId = '7c1e0a2b-3b7d-4d0e-8f3a-1a2b3c4d5e6f';

/** The paths of the issues a document is refused with. */
const refused = (input: object) => personInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('personInputSchema', () => {
  it('keeps a full record and fills the defaults of a bare one', () => {
    const full = {
      ...base,
      surname: 'Иванов',
      givenName: 'Пётр',
      patronymic: 'Семёнович',
      variants: ['Ivanov Pyotr', 'Iwanow Piotr'],
      birth: { date: '1915-03', circa: true },
      death: { date: '1942-11-19' },
      placeOfBirth: { ru: { text: 'Верный', status: 'original' } },
      placeOfConscription: { ru: { text: 'Алма-Атинский РВК', status: 'original' } },
      rank: { ru: 'сержант', en: 'Sergeant' },
      unit: '316-я стрелковая дивизия',
      fate: 'killed',
      memorials: [
        { memorialId, role: 'burial', plot: 'ряд 3, могила 12' },
        { memorialId: otherMemorialId, role: 'commemorated' },
      ],
      burialPlace: { ru: { text: 'д. Дубосеково', status: 'original' } },
      awards: ['Орден Красной Звезды'],
      sources: [
        {
          title: 'Донесение о безвозвратных потерях',
          archive: 'ЦАМО',
          fond: '58',
          opis: '818883',
          delo: '1047',
          sheet: '15',
          url: 'https://example.org/doc',
          identifiers: [{ scheme: 'obd-memorial', id: '51431517' }],
        },
      ],
      media: [{ assetId: memorialId }],
      biography: { ru: { text: '<p>Родился в Верном.</p>', status: 'original' } },
      livingConsent: false,
    };
    expect(personInputSchema.parse(full)).toEqual(full);
    expect(personInputSchema.parse(base)).toEqual({ ...base, variants: [], fate: 'unknown', memorials: [], awards: [], sources: [], media: [], livingConsent: false });
  });

  it('refuses bad input, naming the field', () => {
    expect(refused({ ...base, name: '' })).toEqual(['name']);
    expect(refused({ slug: 'xx', name: 'X' })).toEqual(['title']);
    expect(refused({ ...base, fate: 'deserted' })).toEqual(['fate']);
    expect(refused({ ...base, birth: { date: '1915-13' } })).toEqual(['birth.date']);
    expect(refused({ ...base, birth: { date: '15.03.1915' } })).toEqual(['birth.date']);
    expect(refused({ ...base, birth: { date: '1915', circa: 'yes' } })).toEqual(['birth.circa']);
    expect(refused({ ...base, birth: { date: '1945-05' }, death: { date: '1942' } })).toEqual(['death']);
    expect(refused({ ...base, birth: { date: '1942-05-09' }, death: { date: '1942-05' } })).toEqual([]);
    expect(refused({ ...base, memorials: [{ memorialId: 'not-a-uuid', role: 'burial' }] })).toEqual(['memorials.0.memorialId']);
    expect(refused({ ...base, memorials: [{ memorialId, role: 'visited' }] })).toEqual(['memorials.0.role']);
    expect(refused({ ...base, memorials: [{ memorialId, role: 'burial' }, { memorialId, role: 'commemorated' }] })).toEqual(['memorials']);
    expect(refused({ ...base, sources: [{ title: 'x', url: 'javascript:alert(1)' }] })).toEqual(['sources.0.url']);
    expect(refused({ ...base, sources: [{ title: 'x', identifiers: [{ scheme: 'wikidata', id: 'Q1' }] }] })).toEqual(['sources.0.identifiers.0.scheme']);
    expect(refused({ ...base, sources: [{ title: 'x', identifiers: [{ scheme: 'obd-memorial', id: '1/../x' }] }] })).toEqual(['sources.0.identifiers.0.id']);
    expect(refused({ ...base, variants: ['ok', '\u0000'] })).toEqual(['variants.1']);
    expect(refused({ ...base, livingConsent: 'yes' })).toEqual(['livingConsent']);
    expect(refused({ ...base, people: [] })).toEqual(['']);
  });

  it('is a kind of the registry, at the people segment, whose saves carry a version', () => {
    expect(RECORD_KINDS.person.collection).toBe('people');
    expect(RECORD_KINDS.person.updateBodySchema.safeParse({ ...base, version: 2 }).success).toBe(true);
    expect(RECORD_KINDS.person.updateBodySchema.safeParse(base).success).toBe(false);
  });

  it('links each identifier to its database', () => {
    expect(identifierUrl('obd-memorial', '51431517')).toBe('https://obd-memorial.ru/html/info.htm?id=51431517');
    expect(identifierUrl('podvig-naroda', '150012345')).toBe('https://podvignaroda.ru/?#id=150012345&tab=navDetailManAward');
    expect(identifierUrl('pamyat-naroda', 'memorial-chelovek_donesenie51442417')).toBe(
      'https://pamyat-naroda.ru/heroes/memorial-chelovek_donesenie51442417/',
    );
  });

  it('takes each identifier in the form its database writes it, and no other', () => {
    const withId = (scheme: string, id: string) => ({ ...base, sources: [{ title: 'x', identifiers: [{ scheme, id }] }] });
    expect(refused(withId('pamyat-naroda', 'podvig-chelovek_nagrazhdenie150869766'))).toEqual([]);
    expect(refused(withId('pamyat-naroda', '51442417'))).toEqual(['sources.0.identifiers.0.id']);
    expect(refused(withId('obd-memorial', 'memorial-chelovek_donesenie51442417'))).toEqual(['sources.0.identifiers.0.id']);
    expect(refused(withId('podvig-naroda', '1500x'))).toEqual(['sources.0.identifiers.0.id']);
  });
});
