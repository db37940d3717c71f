import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import type { MediaAsset } from '@vitrina/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_VTT, mp4File } from '../../apps/api/test/support/media-files';
import { editorNotice, expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { publishItemDirectly } from '../support/database';

/** A curator's new-item editor with its slug and English title filled in. */
async function openNewItem(browser: Browser, slug: string, title: string, locale = 'en-GB'): Promise<Page> {
  const page = await newPage(browser, locale);
  await signIn(page, 'curator.kz@vitrina.test');
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
  await page.getByRole('link', { name: locale === 'en-GB' ? 'New item' : 'Новый предмет' }).click();
  await page.getByLabel(locale === 'en-GB' ? 'Address (slug)' : 'Адрес (slug)', { exact: true }).pressSequentially(slug);
  await page.getByLabel(locale === 'en-GB' ? 'Title — English' : 'Название — английский', { exact: true }).pressSequentially(title);
  return page;
}

describe('media', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('a curator uploads images, they become ready, and a visitor zooms into either of them, by mouse and by keyboard', async () => {
    const page = await openNewItem(browser, 'zoomable-map', 'A zoomable map');
    const scan = (background: string) =>
      sharp({ create: { width: 3000, height: 2000, channels: 3, background } })
        .composite([{ input: { create: { width: 600, height: 400, channels: 3, background: '#5b2333' } }, left: 1200, top: 800 }])
        .jpeg()
        .toBuffer();
    // One after the other, so the item's media keep this order.
    for (const [index, [name, background, alt]] of [
      ['map-1941.jpg', '#c8b48c', 'A map of the front line'],
      ['map-1943.jpg', '#8cb4c8', 'A map of the rear'],
    ].entries()) {
      await page.getByLabel('Add files', { exact: true }).setInputFiles({ name, mimeType: 'image/jpeg', buffer: await scan(background) });
      await expect.poll(() => page.locator('.attached-media img').count()).toBe(index + 1);
      const asset = page.locator('.attached-media', { hasText: name });
      await asset.getByLabel('Alternative text — English', { exact: true }).pressSequentially(alt);
    }
    await expectAccessible(page, 'item editor with media');
    // One Save: the item and its files' texts.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');

    await publishItemDirectly('zoomable-map');

    const visitor = await newPage(browser, 'en-GB');
    const tiles: string[] = [];
    const refused: string[] = [];
    visitor.on('response', (response) => {
      if (!response.url().includes('/iiif/3/')) return;
      const path = new URL(response.url()).pathname;
      if (response.status() >= 400) refused.push(`${response.status()} ${path}`);
      else if (response.status() === 200) tiles.push(path);
    });
    await visitor.goto('/kazakhstan/items/zoomable-map');
    const viewer = (alt: string) => visitor.getByRole('application', { name: `Zoomable image: ${alt}`, exact: true });
    const zoomLevel = async () => Number(await visitor.locator('.deep-zoom output').getAttribute('data-zoom'));
    await expect.poll(() => viewer('A map of the front line').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => tiles.length).toBeGreaterThan(0);

    // The row of choices shows each image as WebP sizes with the server's JPEG as the fallback.
    const thumbnail = visitor.getByRole('button', { name: 'Show image 1: A map of the front line', exact: true });
    expect(await thumbnail.locator('picture source[type="image/webp"]').getAttribute('srcset')).toMatch(/\/w400\.webp 400w, .*\/w2400\.webp 2400w$/);
    const fallback = thumbnail.locator('picture img');
    expect([await fallback.getAttribute('width'), await fallback.getAttribute('height')]).toEqual(['2400', '1600']);
    const jpeg = await visitor.request.get((await fallback.getAttribute('src')) ?? '');
    expect([jpeg.status(), jpeg.headers()['content-type'], jpeg.url()]).toEqual([200, 'image/jpeg', expect.stringMatching(/\/w1600\.jpg$/)]);

    // The second image gets the viewer when chosen; its own tiles arrive.
    const second = visitor.getByRole('button', { name: 'Show image 2: A map of the rear', exact: true });
    expect(await second.getAttribute('aria-pressed')).toBe('false');
    await second.click();
    await expect.poll(() => second.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => viewer('A map of the rear').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => zoomLevel()).toBe(1);
    const secondId = await visitor.evaluate(() => fetch('/api/public/countries/kazakhstan/items/zoomable-map').then((r) => r.json()).then((item) => item.media[1].id));
    await expect.poll(() => tiles.filter((path) => path.startsWith(`/iiif/3/${secondId}/`)).length).toBeGreaterThan(0);

    // Keyboard: the viewer takes focus; + zooms in, 0 shows the whole image again.
    const canvas = viewer('A map of the rear');
    await canvas.focus();
    expect(await canvas.evaluate((element) => element === document.activeElement)).toBe(true);
    await visitor.keyboard.press('+');
    await expect.poll(() => zoomLevel()).toBeGreaterThan(1.1);
    await visitor.keyboard.press('0');
    await expect.poll(() => zoomLevel()).toBe(1);

    const overview = tiles.length;
    await visitor.getByRole('button', { name: 'Zoom in' }).click();
    await visitor.getByRole('button', { name: 'Zoom in' }).click();
    await visitor.getByRole('button', { name: 'Zoom in' }).click();
    // Zoomed in, the viewer fetches full-resolution tiles (region size equals tile size).
    await expect.poll(() => tiles.filter((path) => /\/\d+,\d+,512,512\/512,512\//.test(path)).length).toBeGreaterThan(0);
    expect(tiles.length).toBeGreaterThan(overview);
    // The three steps animate one after another: read the zoom once it has settled, not on its way.
    const settledZoom = async () => {
      const before = await zoomLevel();
      await new Promise((r) => setTimeout(r, 500));
      return before === (await zoomLevel()) ? before : Number.NaN;
    };
    await expect.poll(settledZoom).toBeGreaterThan(2);
    const deep = await zoomLevel();
    await canvas.focus();
    await visitor.keyboard.press('-');
    await expect.poll(() => zoomLevel()).toBeLessThan(deep);
    expect(await visitor.locator('.deep-zoom output').textContent()).toMatch(/^Zoom: \d+ %$/);

    expect(refused, 'IIIF requests the server refused').toEqual([]);
    await expectAccessible(visitor, 'item page with deep zoom');
  });

  it('a curator adds a film with captions and a transcript, and a visitor can watch it with them', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'New item' }).click();
    await page.getByLabel('Address (slug)', { exact: true }).pressSequentially('oral-history');
    await page.getByLabel('Title — English', { exact: true }).pressSequentially('An oral history');
    await page.getByLabel('Add files', { exact: true }).setInputFiles({ name: 'interview.mp4', mimeType: 'video/mp4', buffer: mp4File() });
    await expect.poll(() => page.locator('.attached-media').textContent()).toContain('Video');
    await page.getByLabel('Transcript — English', { exact: true }).pressSequentially('My grandfather came back in 1945.');
    await page.getByLabel('Captions in English', { exact: true }).setInputFiles({ name: 'en.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VALID_VTT) });
    await expect.poll(() => page.getByRole('link', { name: 'Captions uploaded' }).count()).toBe(1);
    await expectAccessible(page, 'item editor with a film');
    // One Save: the item, the transcript, and a snapshot of the captions file just uploaded.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('All changes saved');

    await publishItemDirectly('oral-history');

    const visitor = await newPage(browser, 'en-GB');
    await visitor.goto('/kazakhstan/items/oral-history');
    const video = visitor.locator('video');
    await expect.poll(() => video.count()).toBe(1);
    expect(await video.locator('track[kind=captions][srclang=en]').count()).toBe(1);
    await visitor.getByText('Transcript').click();
    await expect.poll(() => visitor.getByText('My grandfather came back in 1945.').isVisible()).toBe(true);
    const track = await visitor.request.get(await video.locator('track').getAttribute('src') ?? '');
    expect(track.headers()['content-type']).toBe('text/vtt; charset=utf-8');
    await expectAccessible(visitor, 'item page with a film');
  });

  it('a curator drops several files at once, watches each upload, cancels one, and the others become ready', async () => {
    const page = await openNewItem(browser, 'dropped-photos', 'Dropped photographs');
    const countryId = new URL(page.url()).pathname.split('/')[2];
    // Noise does not compress: each photograph is a few hundred kilobytes, slow enough to watch on a throttled line.
    const photo = (seed: number) =>
      sharp(Buffer.from(Array.from({ length: 480 * 360 * 3 }, (_, i) => (Math.imul(i + seed, 2654435761) >>> 24) & 0xff)), {
        raw: { width: 480, height: 360, channels: 3 },
      })
        .jpeg({ quality: 95 })
        .toBuffer();
    const photos = [
      { name: 'street-1952.jpg', base64: (await photo(1)).toString('base64') },
      { name: 'school-1960.jpg', base64: (await photo(2)).toString('base64') },
    ];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });

    // The drop a browser makes when files are dragged from the desktop: one DataTransfer holding them all.
    const dataTransfer = await page.evaluateHandle(
      ({ photos, film }) => {
        const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        for (const { name, base64 } of photos) transfer.items.add(new File([bytes(base64)], name, { type: 'image/jpeg' }));
        // A 32 MB film: minutes at this speed, so it is surely still on its way when cancelled.
        const large = new Uint8Array(32 * 1024 * 1024);
        large.set(bytes(film));
        transfer.items.add(new File([large], 'long-interview.mp4', { type: 'video/mp4' }));
        return transfer;
      },
      { photos, film: mp4File(4096).toString('base64') },
    );
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });

    const progress = (name: string) => page.getByRole('progressbar', { name: `Uploading ${name}`, exact: true });
    for (const name of ['street-1952.jpg', 'school-1960.jpg', 'long-interview.mp4']) await expect.poll(() => progress(name).count(), { message: name }).toBe(1);
    await expect.poll(async () => Number(await progress('long-interview.mp4').getAttribute('value'))).toBeGreaterThan(0);
    await expectAccessible(page, 'item editor while uploading');
    await page.getByRole('button', { name: 'Cancel: long-interview.mp4', exact: true }).click();
    await expect.poll(() => progress('long-interview.mp4').count()).toBe(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await expect.poll(() => page.locator('.attached-media[data-status=ready]').count()).toBe(2);
    expect(await page.locator('.uploads li').count()).toBe(0);
    for (const { name } of photos) expect(await page.locator('.attached-media', { hasText: name }).count(), name).toBe(1);
    const { items } = (await (await page.request.get(`/api/studio/countries/${countryId}/media`)).json()) as { items: MediaAsset[] };
    const names = items.map((asset) => asset.originalName);
    expect(names).toEqual(expect.arrayContaining(photos.map((p) => p.name)));
    expect(names).not.toContain('long-interview.mp4');
    await expectAccessible(page, 'item editor after dropped uploads');
  });

  it('tells a curator in their language why a file was refused and why its texts were not saved', async () => {
    const page = await openNewItem(browser, 'refused-files', 'Refused files', 'ru-RU');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    await page.getByLabel('Добавить файлы', { exact: true }).setInputFiles({ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    const refusal = page.locator('.uploads [role=alert]');
    await expect.poll(() => refusal.textContent()).toMatch(/^Такой тип файла не принимается: загрузите изображения/);
    // The server's own words stay, marked as English, after the translated sentence.
    expect(await refusal.locator('[lang=en]').textContent()).toMatch(/^This kind of file is not accepted/);
    await expectAccessible(page, 'item editor with a refused file (ru)');
    await page.getByRole('button', { name: 'Убрать: drawing.svg', exact: true }).click();
    expect(await page.locator('.uploads li').count()).toBe(0);

    const tiny = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6f4e' } }).png().toBuffer();
    await page.getByLabel('Добавить файлы', { exact: true }).setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: tiny });
    await expect.poll(() => page.locator('.attached-media[data-status=ready]').count()).toBe(1);
    // A file's rights: from the list, or any address typed under "another address".
    await page.getByRole('combobox', { name: 'Права на файл', exact: true }).selectOption({ label: 'Другой адрес…' });
    await page.getByRole('textbox', { name: 'Адрес лицензии или заявления о правах (URL)', exact: true }).pressSequentially('not a licence');
    // The file's texts are saved with the item, by its one Save: refused before they leave, naming the file.
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => editorNotice(page).textContent()).toBe('Не сохранено: некоторые поля нужно исправить (список ниже)');
    expect(await page.locator('form.editor > [role=alert]').textContent()).toMatch(/^Недопустимые данные: Файл 1 › Права: /);
    await expectAccessible(page, 'item editor with a refused save (ru)');
  });
});
