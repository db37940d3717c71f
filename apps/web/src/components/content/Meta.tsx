import { useTranslation } from 'react-i18next';

/**
 * Title, description and OpenGraph tags of a page (React 19 hoists them into
 * <head>), and the record's JSON-LD as an alternate, for crawlers and
 * Linked Data clients.
 */
export function Meta({ title, description, type = 'website', linkedData }: { title: string; description?: string | null; type?: string; linkedData?: string }) {
  const { t } = useTranslation();
  const full = `${title} — ${t('site.name')}`;
  const summary = description ? description.replace(/<[^>]+>/g, '').slice(0, 200) : t('site.tagline');
  return (
    <>
      <title>{full}</title>
      <meta name="description" content={summary} />
      <meta property="og:title" content={full} />
      <meta property="og:description" content={summary} />
      <meta property="og:type" content={type} />
      <meta property="og:site_name" content={t('site.name')} />
      {linkedData && <link rel="alternate" type="application/ld+json" href={linkedData} />}
    </>
  );
}
