import { useTranslation } from 'react-i18next';

/** Title, description and OpenGraph tags of a page (React 19 hoists them into <head>). */
export function Meta({ title, description, type = 'website' }: { title: string; description?: string | null; type?: string }) {
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
    </>
  );
}
