import { useTranslation } from 'react-i18next';
import { inLanguage } from './public-paths';

/** Public reads ask for the UI language; the API falls back along the chain and says so. */
export function usePublicPath(path: string): string {
  const { i18n } = useTranslation();
  return inLanguage(path, i18n.language);
}
