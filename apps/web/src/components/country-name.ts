import type { LanguageMap } from '@vitrina/contracts';

/** A name in the UI language, else Russian, else whichever exists. */
export function pickName(names: LanguageMap, language: string): string {
  const map = names as Record<string, string | undefined>;
  return map[language] ?? map.ru ?? Object.values(map).find(Boolean) ?? '';
}
