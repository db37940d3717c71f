import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ItemDocument } from '@vitrina/contracts';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { HeritageFields } from './RecordFields';

let saved: ItemDocument | undefined;

function Form() {
  const [doc, setDoc] = useState<ItemDocument>({ slug: '', kind: 'artefact', title: {}, tags: [], media: [] });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        saved = doc;
      }}
    >
      <HeritageFields doc={doc} languages={['ru', 'en']} defaultLanguage="ru" onChange={setDoc} />
      <button type="submit">save</button>
    </form>
  );
}

const messageOf = (input: HTMLElement) => {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent).filter((text) => text && /[.!]$/.test(text));
};

afterEach(cleanup);

describe('the catalogue fields', () => {
  it('say what is wrong beside the field once it is left, or the form is sent, in the UI language', async () => {
    await i18n.changeLanguage('ru');
    render(<Form />);
    const slug = screen.getByLabelText('Адрес (slug)');
    fireEvent.change(slug, { target: { value: 'Bad Slug' } });
    expect(slug.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(slug);
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(slug)).toEqual(['Только строчные латинские буквы, цифры и дефисы, например soldiers-letter-1942.']);

    const title = screen.getByLabelText('Название — русский');
    expect(title.getAttribute('aria-invalid')).toBeNull();
    fireEvent.submit(screen.getByRole('button', { name: 'save' }));
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(title)).toEqual(['Заполните это поле.']);

    fireEvent.change(slug, { target: { value: 'good-slug' } });
    fireEvent.change(title, { target: { value: 'Войлочный ковёр' } });
    expect(slug.getAttribute('aria-invalid')).toBeNull();
    expect(title.getAttribute('aria-invalid')).toBeNull();
  });

  it('edit every catalogue field of the content model, the dating typed as people write it', async () => {
    await i18n.changeLanguage('en');
    render(<Form />);
    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type('Address (slug)', 'felt-carpet');
    type('Title — Russian', 'Войлочный ковёр');
    type('Date', 'c. 1943');
    expect(screen.getByText('Visitors will see: c. 1943')).toBeTruthy();
    type('Date as visitors see it (optional, replaces the one above) — English', 'during the war');
    type('Creator — Russian', 'Мастерица аула');
    type('Materials — English', 'felt, wool');
    type('Place — English', 'Almaty');
    type('Provenance — Russian', 'Передан семьёй в 2021 году.');
    type('Dimensions', '120 × 80 cm');
    type('Inventory number', 'КП-1');
    fireEvent.submit(screen.getByRole('button', { name: 'save' }));
    expect(saved).toMatchObject({
      slug: 'felt-carpet',
      date: { earliest: 1943, latest: 1943, circa: true, display: { en: { text: 'during the war', status: 'original' } } },
      creator: { ru: { text: 'Мастерица аула' } },
      materials: { en: { text: 'felt, wool' } },
      place: { en: { text: 'Almaty' } },
      provenance: { ru: { text: 'Передан семьёй в 2021 году.' } },
      dimensions: '120 × 80 cm',
      inventoryNumber: 'КП-1',
    });
  });

  it('keep an unreadable date as typed, refuse it beside the field, and never save another date in its place', async () => {
    await i18n.changeLanguage('en');
    render(<Form />);
    const date = screen.getByLabelText('Date') as HTMLInputElement;
    fireEvent.change(date, { target: { value: '1945–1941' } });
    fireEvent.blur(date);
    expect(date.value).toBe('1945–1941');
    expect(messageOf(date)).toEqual(['The first year is later than the second.']);
    fireEvent.submit(screen.getByRole('button', { name: 'save' }));
    expect(Number.isNaN(saved?.date?.earliest)).toBe(true);
    fireEvent.change(date, { target: { value: '' } });
    expect(date.getAttribute('aria-invalid')).toBeNull();
  });
});
