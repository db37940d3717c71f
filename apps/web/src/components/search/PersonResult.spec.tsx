import type { PersonHit } from '@vitrina/contracts';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { PersonResult } from './PersonResult';

const text = (value: string) => ({ text: value, lang: 'en' as const, status: 'original' as const, fallback: false });
const HIT: PersonHit = {
  id: '6f1d0c2e-0000-4000-8000-000000000001',
  country: 'kazakhstan',
  slug: 'semenov-aleksei',
  name: 'Семёнов Алексей Михайлович',
  title: text('Semyonov Aleksei Mikhailovich'),
  variants: [],
  birthYear: 1921,
  deathYear: 1942,
  rank: 'Red Army private',
  unit: '316th Rifle Division',
  fate: 'killed',
  memorial: { slug: 'glory-memorial-almaty', title: text('Glory Memorial'), place: text('Almaty'), condition: 'good', plot: 'row 3' },
  burialPlace: null,
  match: 'fuzzy',
};

function renderHit(hit: PersonHit) {
  render(
    <MemoryRouter>
      <ol>
        <PersonResult hit={hit} />
      </ol>
    </MemoryRouter>,
  );
  return screen.getByRole('listitem');
}

describe('PersonResult', () => {
  beforeEach(() => i18n.changeLanguage('en'));
  afterEach(cleanup);

  it('links the person\u2019s page and the memorial at their row, with years, rank, unit and burial plot', () => {
    const item = renderHit(HIT);
    expect(within(item).getByRole('heading', { level: 2, name: 'Semyonov Aleksei Mikhailovich' }).querySelector('a')?.getAttribute('href')).toBe('/kazakhstan/people/semenov-aleksei');
    const row = within(item).getByRole('link', { name: 'Glory Memorial — Show on the memorial’s list' });
    expect(row.getAttribute('href')).toBe('/kazakhstan/memorials/glory-memorial-almaty#person-semenov-aleksei');
    expect(item.textContent).toContain('1921–1942');
    expect(item.textContent).toContain('Семёнов Алексей Михайлович');
    expect(item.textContent).toContain('Almaty, row 3');
    expect(item.textContent).toContain('Killed in action · similar spelling');
    expect(item.textContent).not.toContain('Place of burial');
  });

  it('says the burial place is not known when no memorial is linked and none is written', () => {
    const item = renderHit({ ...HIT, memorial: null, match: 'exact', birthYear: null });
    expect(within(item).queryByRole('link', { name: /memorial’s list/ })).toBeNull();
    expect(item.textContent).toContain('Place of burialnot known');
    expect(item.textContent).toContain('?–1942');
    expect(item.textContent).not.toContain('similar spelling');
  });
});
