import { CONTENT_LANGUAGES, type ContentLanguage } from '@vitrina/contracts';
import Negotiator from 'negotiator';

/**
 * The language a visitor reads in: `?lang=` when given, else the best match
 * of Accept-Language, else the country's default.
 */
export function readerLanguage(
  explicit: ContentLanguage | undefined,
  acceptLanguage: string | undefined,
  fallback: ContentLanguage,
): ContentLanguage {
  if (explicit) return explicit;
  if (!acceptLanguage) return fallback;
  const [best] = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages([...CONTENT_LANGUAGES]);
  return (best as ContentLanguage | undefined) ?? fallback;
}
