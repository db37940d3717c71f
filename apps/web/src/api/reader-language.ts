import { useTranslation } from 'react-i18next';

/** Public reads ask for the UI language; the API falls back along the chain and says so. */
export function usePublicPath(path: string): string {
  const { i18n } = useTranslation();
  return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(i18n.language)}`;
}
