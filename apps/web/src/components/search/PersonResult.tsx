import type { PersonHit } from '@vitrina/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { recordPage } from '../../api/public-paths';
import { Text } from '../content/Text';

const years = (hit: PersonHit) => (hit.birthYear || hit.deathYear ? `${hit.birthYear ?? '?'}–${hit.deathYear ?? '?'}` : null);

/** One person found: their name (to their page), years, rank and unit, the memorial (to their row) and the burial place. */
export function PersonResult({ hit }: { hit: PersonHit }) {
  const { t } = useTranslation();
  const memorial = hit.memorial;
  const lived = years(hit);
  const headingId = `found-${hit.country}-${hit.slug}`;
  return (
    <li className="search-hit person-result" aria-labelledby={headingId}>
      <p className="eyebrow">
        {hit.fate !== 'unknown' ? t(`person.fates.${hit.fate}`) : t('search.types.person')}
        {hit.match === 'fuzzy' && <> · {t('findPerson.fuzzy')}</>}
      </p>
      <h2 id={headingId}>
        <Link to={recordPage('person', hit.country, hit.slug)}>{hit.title?.text ?? hit.name}</Link>
      </h2>
      <dl className="person-result-details">
        {hit.title && hit.title.text !== hit.name && (
          <div>
            <dt>{t('person.fields.name')}</dt>
            <dd>{hit.name}</dd>
          </div>
        )}
        {lived && (
          <div>
            <dt>{t('findPerson.years')}</dt>
            <dd>{lived}</dd>
          </div>
        )}
        {hit.rank && (
          <div>
            <dt>{t('person.fields.rank')}</dt>
            <dd>{hit.rank}</dd>
          </div>
        )}
        {hit.unit && (
          <div>
            <dt>{t('person.fields.unit')}</dt>
            <dd>{hit.unit}</dd>
          </div>
        )}
        {memorial && (
          <div>
            <dt>{t('findPerson.memorial')}</dt>
            <dd>
              <Link to={`${recordPage('memorial', hit.country, memorial.slug)}#person-${hit.slug}`} aria-label={`${memorial.title?.text ?? memorial.slug} — ${t('findPerson.atRow')}`}>
                {memorial.title ? <Text value={memorial.title} /> : memorial.slug}
              </Link>
              {memorial.place && (
                <>
                  , <Text value={memorial.place} />
                </>
              )}
              {memorial.plot && <>, {memorial.plot}</>}
            </dd>
          </div>
        )}
        {(hit.burialPlace || !memorial) && (
          <div>
            <dt>{t('findPerson.burial')}</dt>
            <dd>{hit.burialPlace ? <Text value={hit.burialPlace} /> : t('findPerson.noBurial')}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
