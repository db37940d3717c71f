import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacter, languageMapSchema, localizedTextSchema, safeString } from './index';

describe('text that cannot be stored', () => {
  it('finds NUL and lone surrogates of either kind, wherever they are', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\ud83d', '\udc00y', 'a\ude00b', '\ude00\ud83d', '😀\ud800']) {
      expect(hasUnsafeCharacter(bad), JSON.stringify(bad)).toBe(true);
    }
  });

  it('passes well-formed text, emoji (paired surrogates) included', () => {
    for (const good of ['', 'Казахстан', 'Հայաստան', '😀', '\ud83d\ude00', 'a😀b🎖️c', '\u0001\u001f', '\uFFFD', '\uFFFF']) {
      expect(hasUnsafeCharacter(good), JSON.stringify(good)).toBe(false);
    }
  });

  it('makes the shared text schemas refuse them with a message', () => {
    expect(safeString().safeParse('ok').success).toBe(true);
    const refused = safeString().safeParse('a\u0000');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/NUL/);
    expect(languageMapSchema.safeParse({ en: 'Kazakh\ud800stan' }).success).toBe(false);
    expect(localizedTextSchema.safeParse({ ru: { text: 'Фото\u0000', status: 'original' } }).success).toBe(false);
    expect(localizedTextSchema.safeParse({ ru: { text: 'Фото 📷', status: 'original' } }).success).toBe(true);
  });
});
