import { describe, expect, it } from 'vitest';
import { pickName } from './country-name';

describe('pickName', () => {
  it('uses the UI language, then Russian, then any name', () => {
    expect(pickName({ ru: 'Казахстан', en: 'Kazakhstan', kk: 'Қазақстан' }, 'en')).toBe('Kazakhstan');
    expect(pickName({ ru: 'Абхазия', ab: 'Аҧсны' }, 'en')).toBe('Абхазия');
    expect(pickName({ hy: 'Հայաստան' }, 'en')).toBe('Հայաստան');
  });
});
