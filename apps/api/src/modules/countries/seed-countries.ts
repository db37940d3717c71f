import type { CreateCountryInput } from '@vitrina/contracts';

/**
 * The twelve country museums of the first installation, with Russian, English
 * and native names. Each country writes first in its own language.
 */
export const SEED_COUNTRIES: CreateCountryInput[] = [
  { slug: 'abkhazia', names: { ru: 'Абхазия', en: 'Abkhazia', ab: 'Аҧсны' }, defaultLanguage: 'ab', languages: ['ab', 'ru', 'en'] },
  { slug: 'armenia', names: { ru: 'Армения', en: 'Armenia', hy: 'Հայաստան' }, defaultLanguage: 'hy', languages: ['hy', 'ru', 'en'] },
  { slug: 'azerbaijan', names: { ru: 'Азербайджан', en: 'Azerbaijan', az: 'Azərbaycan' }, defaultLanguage: 'az', languages: ['az', 'ru', 'en'] },
  { slug: 'belarus', names: { ru: 'Беларусь', en: 'Belarus', be: 'Беларусь' }, defaultLanguage: 'be', languages: ['be', 'ru', 'en'] },
  { slug: 'georgia', names: { ru: 'Грузия', en: 'Georgia', ka: 'საქართველო' }, defaultLanguage: 'ka', languages: ['ka', 'ru', 'en'] },
  { slug: 'kazakhstan', names: { ru: 'Казахстан', en: 'Kazakhstan', kk: 'Қазақстан' }, defaultLanguage: 'kk', languages: ['kk', 'ru', 'en'] },
  { slug: 'kyrgyzstan', names: { ru: 'Киргизия', en: 'Kyrgyzstan', ky: 'Кыргызстан' }, defaultLanguage: 'ky', languages: ['ky', 'ru', 'en'] },
  { slug: 'moldova', names: { ru: 'Молдавия', en: 'Moldova', ro: 'Moldova' }, defaultLanguage: 'ro', languages: ['ro', 'ru', 'en'] },
  { slug: 'tajikistan', names: { ru: 'Таджикистан', en: 'Tajikistan', tg: 'Тоҷикистон' }, defaultLanguage: 'tg', languages: ['tg', 'ru', 'en'] },
  { slug: 'uzbekistan', names: { ru: 'Узбекистан', en: 'Uzbekistan', uz: 'Oʻzbekiston' }, defaultLanguage: 'uz', languages: ['uz', 'ru', 'en'] },
  { slug: 'ukraine', names: { ru: 'Украина', en: 'Ukraine', uk: 'Україна' }, defaultLanguage: 'uk', languages: ['uk', 'ru', 'en'] },
  { slug: 'south-ossetia', names: { ru: 'Южная Осетия', en: 'South Ossetia', os: 'Хуссар Ирыстон' }, defaultLanguage: 'os', languages: ['os', 'ru', 'en'] },
];
