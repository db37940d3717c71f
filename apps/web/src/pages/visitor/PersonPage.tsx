import { apiRoutes } from '@vitrina/contracts';
import type { PublicPerson } from '@vitrina/contracts';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../../api/public';
import { recordPage } from '../../api/public-paths';
import { Meta } from '../../components/content/Meta';
import { PersonView } from '../../components/content/PersonView';
import { ShareLink } from '../../components/content/ShareLink';
import { ErrorView } from '../../components/ErrorView';
import { IiifManifestLink } from '../../components/iiif/IiifManifestLink';
import { Redirect } from '../../components/Redirect';

/** schema.org `Person` for search engines and genealogy sites; `<` escaped so no text can close the script. */
function personJsonLd(person: PublicPerson): string {
  const url = typeof window === 'undefined' ? undefined : new URL(recordPage('person', person.country.slug, person.slug), window.location.origin).href;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.title.text,
    alternateName: [person.name, ...person.variants].filter((name) => name !== person.title.text),
    ...(person.surname ? { familyName: person.surname } : {}),
    ...(person.givenName ? { givenName: person.givenName } : {}),
    ...(person.birth ? { birthDate: person.birth.date } : {}),
    ...(person.death ? { deathDate: person.death.date } : {}),
    ...(person.placeOfBirth ? { birthPlace: { '@type': 'Place', name: person.placeOfBirth.text } } : {}),
    ...(person.awards.length > 0 ? { award: person.awards } : {}),
    ...(url ? { url } : {}),
    sameAs: person.sources.flatMap((source) => source.identifiers.map((identifier) => identifier.url)),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { search, hash } = useLocation();
  const { data: person, error, refetch } = usePerson(countrySlug, slug);
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!person) return <p role="status">{t('home.loading')}</p>;
  // The address of a person merged into another answers 301 with the survivor (fetch follows it): show their own address.
  if (person.slug !== slug) return <Redirect to={`${recordPage('person', countrySlug, person.slug)}${search}${hash}`} />;
  return (
    <>
      <Meta title={person.title.text} description={person.biography?.text} type="profile" linkedData={apiRoutes.public.linkedData('people', person.id)} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: personJsonLd(person) }} />
      <PersonView person={person} />
      <IiifManifestLink kind="people" id={person.id} media={person.media} />
      <ShareLink />
    </>
  );
}
