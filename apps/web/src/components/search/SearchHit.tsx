import type { SearchHit as Hit } from '@vitrina/contracts';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@vitrina/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { recordPage } from '../../api/public-paths';
import { Text } from '../content/Text';
import { ResponsiveImage } from '../media/ResponsiveImage';

/** The snippet with its matching words marked, built as elements: no HTML from the server is ever injected. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(SNIPPET_MARK_START);
  return (
    <p className="snippet">
      {parts[0]}
      {parts.slice(1).map((part, index) => {
        const [marked, rest = ''] = part.split(SNIPPET_MARK_END);
        return (
          <span key={index}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}

/** One result: what it is, its title (a person's name), where a person is named, the snippet, and its picture. */
export function SearchHit({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  // A person has a page of their own; the memorial the hit names links to its row (`#person-{slug}`).
  const href = recordPage(hit.type, hit.country, hit.slug);
  const memorialHref = hit.person?.memorialSlug ? `${recordPage('memorial', hit.country, hit.person.memorialSlug)}#person-${hit.slug}` : null;
  return (
    <li className="search-hit">
      {/* Beside the linked title the picture adds nothing to read: the server sends it without alt text. */}
      {hit.image && (
        <div className="search-hit-image">
          <ResponsiveImage media={hit.image} sizes="6rem" />
        </div>
      )}
      <p className="eyebrow">
        {t(`search.types.${hit.type}`)}
        {hit.year ? ` · ${hit.year}` : ''}
      </p>
      <h2>
        <Link to={href}>{hit.person ? hit.person.name : hit.title ? <Text value={hit.title} /> : hit.slug}</Link>
      </h2>
      {hit.person && (
        <p className="muted">
          {memorialHref && (
            <>
              {t('search.namedOn')}{' '}
              <Link to={memorialHref}>
                <Text value={hit.title} />
              </Link>
            </>
          )}
          {hit.person.variants.length > 0 && <> · {hit.person.variants.join(', ')}</>}
        </p>
      )}
      {hit.snippet && <Snippet text={hit.snippet} />}
    </li>
  );
}
