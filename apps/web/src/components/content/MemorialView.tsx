import type { PublicMapPoint, PublicMemorial } from '@vitrina/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MediaShowcase, MediaStrip } from '../media/MediaShowcase';
import { PlaceMap } from './PlaceMap';
import { recordPage } from '../../api/public-paths';
import { dateLanguage, formatLifeYears, formatPartialDate } from './dates';
import { RecordDetails } from './RecordDetails';
import { Text } from './Text';

/** A memorial's page as visitors see it (the visitor page and the moderation desk's preview render this). */
export function MemorialView({ memorial }: { memorial: PublicMemorial }) {
  const { t, i18n } = useTranslation();
  // The same array while the memorial stays: the map is drawn again only when the memorial changes.
  const points = useMemo<PublicMapPoint[]>(
    () => [{ type: 'memorial', id: memorial.id, slug: memorial.slug, title: memorial.title, location: memorial.location, kind: memorial.kind, condition: memorial.condition }],
    [memorial],
  );
  const country = memorial.country.slug;
  return (
    <article className="page record">
      <p>
        <Link to={`/${country}`}>
          ← <Text value={memorial.country.name} />
        </Link>
      </p>
      <p className="eyebrow">{t(`memorialKinds.${memorial.kind}`)}</p>
      <h1>
        <Text value={memorial.title} />
      </h1>
      {memorial.condition && (
        <p>
          {t('memorial.currentCondition')}{' '}
          <span className={`condition condition-${memorial.condition}`}>{t(`conditions.${memorial.condition}`)}</span>
        </p>
      )}
      <MediaShowcase media={memorial.media} />
      <Text value={memorial.description} as="p" className="lead" />
      <dl className="details">
        {memorial.address && (
          <div>
            <dt>{t('fields.address')}</dt>
            <dd>
              <Text value={memorial.address} />
            </dd>
          </div>
        )}
        {memorial.unveilingDate && (
          <div>
            <dt>{t('fields.unveilingDate')}</dt>
            <dd>
              <time dateTime={memorial.unveilingDate}>{formatPartialDate(memorial.unveilingDate, dateLanguage(i18n.language))}</time>
            </dd>
          </div>
        )}
      </dl>
      <RecordDetails record={memorial} />

      {memorial.inscriptions.length > 0 && (
        <section aria-labelledby="inscriptions">
          <h2 id="inscriptions">{t('memorial.inscriptions')}</h2>
          {memorial.inscriptions.map((inscription, index) => (
            <figure key={index} className="inscription">
              <blockquote lang={inscription.originalLanguage ?? undefined}>{inscription.original}</blockquote>
              {inscription.translation && inscription.translation.text !== inscription.original && (
                <figcaption>
                  <Text value={inscription.translation} />
                </figcaption>
              )}
            </figure>
          ))}
        </section>
      )}

      {memorial.people.length > 0 && (
        <section aria-labelledby="people">
          <h2 id="people">{t('memorial.people', { total: memorial.people.length })}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('memorial.name')}</th>
                <th scope="col">{t('memorial.years')}</th>
                <th scope="col">{t('memorial.rank')}</th>
                <th scope="col">{t('memorial.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {/* Each row is an anchor (`#person-{slug}`) a person's page and a search hit link to. */}
              {memorial.people.map((person) => (
                <tr key={person.id} id={`person-${person.slug}`}>
                  <td>
                    <Link to={recordPage('person', country, person.slug)}>{person.name}</Link>
                    {person.variants.length > 0 && <div className="muted small">{person.variants.join(' · ')}</div>}
                    {person.role === 'burial' && (
                      <div className="muted small">
                        {t('memorial.buried')}
                        {person.plot && `, ${person.plot}`}
                      </div>
                    )}
                  </td>
                  <td>{formatLifeYears(person.birth, person.death, dateLanguage(i18n.language))}</td>
                  <td>{person.rank}</td>
                  <td>{person.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {memorial.conditionSurveys.length > 0 && (
        <section aria-labelledby="condition-history">
          <h2 id="condition-history">{t('memorial.conditionHistory')}</h2>
          <ol className="timeline">
            {memorial.conditionSurveys.map((survey, index) => (
              <li key={index}>
                <time dateTime={survey.date}>{formatPartialDate(survey.date, dateLanguage(i18n.language))}</time>{' '}
                <span className={`condition condition-${survey.condition}`}>{t(`conditions.${survey.condition}`)}</span>
                {survey.note && (
                  <>
                    {' — '}
                    <Text value={survey.note} />
                  </>
                )}
                {survey.surveyor && <span className="muted"> ({survey.surveyor})</span>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {memorial.events.length > 0 && (
        <section aria-labelledby="event-log">
          <h2 id="event-log">{t('memorial.events')}</h2>
          <ol className="timeline">
            {memorial.events.map((event, index) => (
              <li key={index}>
                <time dateTime={event.date}>{formatPartialDate(event.date, dateLanguage(i18n.language))}</time> <strong>{t(`eventTypes.${event.type}`)}</strong>
                {event.description && (
                  <>
                    {' — '}
                    <Text value={event.description} />
                  </>
                )}
                {event.actor && <span className="muted"> ({event.actor})</span>}
                <MediaStrip media={event.media} label={`${t(`eventTypes.${event.type}`)} ${formatPartialDate(event.date, dateLanguage(i18n.language))}`} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="location">
        <h2 id="location">{t('memorial.location')}</h2>
        <PlaceMap country={country} label={`${t('memorial.location')}: ${memorial.title.text}`} points={points} />
      </section>
    </article>
  );
}
