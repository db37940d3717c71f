import { describe, expect, it } from 'vitest';
import { contentSlugSchema } from './content';
import { slugify } from './slugify';

describe('slugify', () => {
  it('makes an address from a title in each script the museums write in', () => {
    expect(slugify('A folded triangle letter')).toBe('a-folded-triangle-letter');
    expect(slugify('Письмо-треугольник')).toBe('pismo-treugolnik');
    expect(slugify('Щит и ёлка: 1941–1945')).toBe('shchit-i-yolka-1941-1945');
    expect(slugify('Әжемнің қағазы, ұлттық үй')).toBe('azhemning-qaghazy-ulttyq-uy');
    expect(slugify('Երևանի Հաղթանակի այգի')).toBe('erevani-haghtanaki-aygi');
    expect(slugify('ძმათა სასაფლაო')).toBe('dzmata-sasaplao');
    expect(slugify('Їжак і ґанок')).toBe('yizhak-i-ganok');
    expect(slugify('Şəhidlər Xiyabanı')).toBe('sehidler-xiyabani');
  });

  it('gives only what the address schema accepts, or nothing', () => {
    for (const title of ['  --Hello,   World!!  ', '№ 5 / «Победа»', 'x'.repeat(300), `${'слово '.repeat(40)}`]) {
      const slug = slugify(title);
      expect(contentSlugSchema.safeParse(slug).success, `${title} → ${slug}`).toBe(true);
    }
    expect(slugify('!!! ...')).toBe('');
    expect(slugify('')).toBe('');
  });
});
