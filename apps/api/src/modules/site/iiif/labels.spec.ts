import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONDITION_LABELS, FATE_LABELS, type IiifLabel, ITEM_KIND_LABELS, MEMORIAL_KIND_LABELS } from './labels';

const WEB_I18N = resolve(import.meta.dirname, '../../../../../web/src/i18n');
const words = (lang: 'en' | 'ru') => JSON.parse(readFileSync(`${WEB_I18N}/${lang}.json`, 'utf8'));

/** The labels of one language, as the web's i18n tree has them. */
const inLanguage = (labels: Record<string, IiifLabel>, lang: 'en' | 'ru') => Object.fromEntries(Object.entries(labels).map(([key, label]) => [key, label[lang][0]]));

describe('IIIF metadata labels', () => {
  it('say what the web pages say for the same values, in English and Russian', () => {
    for (const lang of ['en', 'ru'] as const) {
      const web = words(lang);
      expect(inLanguage(ITEM_KIND_LABELS, lang)).toEqual(web.kinds);
      expect(inLanguage(MEMORIAL_KIND_LABELS, lang)).toEqual(web.memorialKinds);
      expect(inLanguage(CONDITION_LABELS, lang)).toEqual(web.conditions);
      expect(inLanguage(FATE_LABELS, lang)).toEqual(web.person.fates);
    }
  });
});
