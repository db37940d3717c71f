import type { ContentLanguage, LocalizedText, TranslationStatus } from '@vitrina/contracts';

/** Sets one language of a text; an empty text removes that language. */
export function withText(map: LocalizedText | undefined, lang: ContentLanguage, text: string, status?: TranslationStatus): LocalizedText {
  const next: LocalizedText = { ...(map ?? {}) };
  if (text.trim() === '') {
    delete next[lang];
  } else {
    next[lang] = { text, status: status ?? map?.[lang]?.status ?? 'original' };
  }
  return next;
}

export function withStatus(map: LocalizedText | undefined, lang: ContentLanguage, status: TranslationStatus): LocalizedText {
  const entry = map?.[lang];
  return entry ? { ...map, [lang]: { ...entry, status } } : { ...(map ?? {}) };
}

/** Optional language maps with nothing in them are left out of the saved document. */
export function orUndefined(map: LocalizedText | undefined): LocalizedText | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}
