import type { PublicPerson, PublicPersonSource } from '@vitrina/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { recordPage } from '../../api/public-paths';
import { MediaShowcase } from '../media/MediaShowcase';
import { dateLanguage, formatPersonDate } from './dates';
import { DetailList } from './DetailList';
import { RichText, Text } from './Text';

/** The archive reference as researchers cite it: `ЦАМО, ф. 58, оп. 818883, д. 1047, л. 15`. */
function archiveReference(source: PublicPersonSource, t: (key: string, values?: Record<string, string>) => string): string {
  const parts = [source.archive];
  for (const key of ['fond', 'opis', 'delo', 'sheet'] as const) if (source[key]) parts.push(t(`person.archive.${key}`, { value: source[key]! }));
  return parts.filter(Boolean).join(', ');
}

/** A person's page as visitors see it (the visitor page and the moderation desk's preview render this). */
export function PersonView({ person }: { person: PublicPerson }) {
  const { t, i18n } = useTranslation();
  const lang = dateLanguage(i18n.language);
  const country = person.country.slug;
  const rows: [string, ReactNode][] = [];
  const add = (key: string, value: ReactNode) => value && rows.push([t(`person.fields.${key}`), value]);
  add('name', person.name !== person.title.text && <span>{person.name}</span>);
  add('variants', person.variants.length > 0 && person.variants.join(' · '));
  add(
    'born',
    (person.birth || person.placeOfBirth) && (
      <>
        {person.birth && <time dateTime={person.birth.date}>{formatPersonDate(person.birth, lang)}</time>}
        {person.birth && person.placeOfBirth && ', '}
        <Text value={person.placeOfBirth} />
      </>
    ),
  );
  add('died', person.death && <time dateTime={person.death.date}>{formatPersonDate(person.death, lang)}</time>);
  add('fate', person.fate !== 'unknown' && t(`person.fates.${person.fate}`));
  add('conscripted', person.placeOfConscription && <Text value={person.placeOfConscription} />);
  add('rank', person.rank);
  add('unit', person.unit);
  add('burialPlace', person.burialPlace && <Text value={person.burialPlace} />);
  add('awards', person.awards.length > 0 && person.awards.join('; '));
  return (
    <article className="page record person">
      <p>
        <Link to={`/${country}`}>
          ← <Text value={person.country.name} />
        </Link>
      </p>
      <p className="eyebrow">{t('person.eyebrow')}</p>
      <h1>
        <Text value={person.title} />
      </h1>
      <MediaShowcase media={person.media} />
      <DetailList rows={rows} />

      {person.memorials.length > 0 && (
        <section aria-labelledby="person-memorials">
          <h2 id="person-memorials">{t('person.memorials')}</h2>
          <ul className="person-memorials">
            {person.memorials.map((memorial) => (
              <li key={memorial.id}>
                <Link to={`${recordPage('memorial', country, memorial.slug)}#person-${person.slug}`}>
                  <Text value={memorial.title} />
                </Link>{' '}
                <span className="muted">
                  — {t(`person.roles.${memorial.role}`)}
                  {memorial.plot && `, ${memorial.plot}`}
                </span>
                {memorial.condition && (
                  <>
                    {' '}
                    <span className={`condition condition-${memorial.condition}`}>{t(`conditions.${memorial.condition}`)}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {person.biography && (
        <section aria-labelledby="person-biography">
          <h2 id="person-biography">{t('person.biography')}</h2>
          <RichText value={person.biography} />
        </section>
      )}

      {person.sources.length > 0 && (
        <section aria-labelledby="person-sources">
          <h2 id="person-sources">{t('person.sources')}</h2>
          <ol className="person-sources">
            {person.sources.map((source, index) => (
              <li key={index}>
                {source.url ? (
                  <a href={source.url} rel="noopener noreferrer nofollow">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
                {archiveReference(source, t) && <span className="muted"> — {archiveReference(source, t)}</span>}
                {source.identifiers.map((identifier) => (
                  <span key={`${identifier.scheme}-${identifier.id}`}>
                    {' · '}
                    <a href={identifier.url} rel="noopener noreferrer nofollow">
                      {t(`person.identifiers.${identifier.scheme}`)}: {identifier.id}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
