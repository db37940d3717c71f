import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_VTT, mp4File } from '../../apps/api/test/support/media-files';
import { expectAccessible, launchBrowser, newPage, signIn } from '../support/browser';
import { publishItemDirectly } from '../support/database';

describe('media', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser?.close());

  it('a curator uploads an image, it becomes ready, and a visitor zooms into it', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'New item' }).click();
    await page.getByLabel('Address (slug)', { exact: true }).fill('zoomable-map');
    await page.getByLabel('Title — English', { exact: true }).fill('A zoomable map');

    const scan = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c8b48c' } })
      .composite([{ input: { create: { width: 600, height: 400, channels: 3, background: '#5b2333' } }, left: 1200, top: 800 }])
      .jpeg()
      .toBuffer();
    await page.getByLabel('Add files', { exact: true }).setInputFiles({ name: 'map-1941.jpg', mimeType: 'image/jpeg', buffer: scan });
    await expect.poll(() => page.locator('.attached-media img').count(), { timeout: 60_000 }).toBe(1);
    await page.getByLabel('Alternative text — English', { exact: true }).fill('A map of the front line');
    await page.getByRole('button', { name: 'Save texts of this file' }).click();
    await expect.poll(() => page.locator('.attached-media span[role=status]').textContent()).toContain('Saved.');
    await expectAccessible(page, 'item editor with media');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('[role=status]:not(:empty)').first().textContent()).toBe('Saved.');

    await publishItemDirectly('zoomable-map');

    const visitor = await newPage(browser, 'en-GB');
    const tiles: string[] = [];
    visitor.on('response', (response) => {
      if (response.url().includes('/iiif/3/') && response.status() === 200) tiles.push(new URL(response.url()).pathname);
    });
    await visitor.goto('/kazakhstan/items/zoomable-map');
    await expect.poll(() => visitor.getByTestId('deep-zoom').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    const overview = tiles.length;
    await visitor.getByRole('button', { name: 'Zoom in' }).click();
    await visitor.getByRole('button', { name: 'Zoom in' }).click();
    await visitor.getByRole('button', { name: 'Zoom in' }).click();
    // Zoomed in, the viewer fetches full-resolution tiles (region size equals tile size).
    await expect.poll(() => tiles.filter((path) => /\/\d+,\d+,512,512\/512,512\//.test(path)).length).toBeGreaterThan(0);
    expect(tiles.length).toBeGreaterThan(overview);
    await visitor.getByTestId('deep-zoom').focus();
    await visitor.keyboard.press('-');
    await expectAccessible(visitor, 'item page with deep zoom');
  });

  it('a curator adds a film with captions and a transcript, and a visitor can watch it with them', async () => {
    const page = await newPage(browser, 'en-GB');
    await signIn(page, 'curator.kz@vitrina.test');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/studio\//);
    await page.getByRole('link', { name: 'New item' }).click();
    await page.getByLabel('Address (slug)', { exact: true }).fill('oral-history');
    await page.getByLabel('Title — English', { exact: true }).fill('An oral history');
    await page.getByLabel('Add files', { exact: true }).setInputFiles({ name: 'interview.mp4', mimeType: 'video/mp4', buffer: mp4File() });
    await expect.poll(() => page.locator('.attached-media').textContent(), { timeout: 60_000 }).toContain('Video');
    await page.getByLabel('Transcript — English', { exact: true }).fill('My grandfather came back in 1945.');
    await page.getByLabel('Captions in English', { exact: true }).setInputFiles({ name: 'en.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VALID_VTT) });
    await expect.poll(() => page.getByRole('link', { name: 'Captions uploaded' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save texts of this file' }).click();
    await expect.poll(() => page.locator('.attached-media span[role=status]').textContent()).toContain('Saved.');
    await expectAccessible(page, 'item editor with a film');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('[role=status]:not(:empty)').first().textContent()).toBe('Saved.');

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
});
