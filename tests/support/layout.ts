import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The widths every studio, review and admin view must work at: a small phone, a tablet, a laptop. */
export const LAYOUT_WIDTHS = [320, 768, 1280] as const;

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The visible form controls of the page's main region, each with its box and a name to report it by. */
function controlBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 60)}"`;
    const selector = 'main input:not([type=hidden]), main select, main textarea, main button, main [contenteditable=true], main [role=textbox]';
    return [...document.querySelectorAll(selector)]
      .filter((el) => {
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        // Controls drawn over by their own label (a file input styled away, a visually hidden one) are not seen.
        return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 1 && rect.height > 1 && !el.closest('.visually-hidden');
      })
      // A control inside another (a button inside a rich-text toolbar's textbox) is part of it.
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
      .map((el) => {
        const rect = el.getBoundingClientRect();
        return { what: name(el), x: rect.x + window.scrollX, y: rect.y + window.scrollY, width: rect.width, height: rect.height };
      });
  });
}

/** The innermost elements reaching past the screen's right edge, to say what scrolls sideways. */
function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    const past = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > edge);
    return past
      .filter((el) => !past.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}" to ${Math.round(el.getBoundingClientRect().right)}`);
  });
}

/** Boxes that share more than a pixel of area (borders touching is fine). */
function intersecting(a: Box, b: Box): boolean {
  const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlapX > 1 && overlapY > 1;
}

/**
 * The page as it is now, at each width: no horizontal scrolling, every form
 * control within the screen, and no two form controls whose boxes intersect. The viewport is put back afterwards.
 */
export async function expectLayoutHolds(page: Page, label: string, widths: readonly number[] = LAYOUT_WIDTHS): Promise<void> {
  const original = page.viewportSize();
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      // Measured from the top: a sticky bar (the editor's) lies over scrolled content by design, and sits in
      // its own place there. Layout settles in the frame after a resize.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = overflow > 0 ? await widestElements(page) : [];
      expect(overflow, `${label} at ${width} px scrolls sideways by ${overflow} px, past the edge: ${wide.join('; ')}`).toBeLessThanOrEqual(0);
      const boxes = await controlBoxes(page);
      // Cut off at the screen's edge (an overflow hidden or clipped) is as unusable as scrolled off it.
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      const outside = boxes.filter((b) => b.x < -1 || b.x + b.width > viewport + 1).map((b) => `${b.what} ${Math.round(b.x)}–${Math.round(b.x + b.width)}`);
      expect(outside, `${label} at ${width} px has controls outside the screen`).toEqual([]);
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) if (intersecting(boxes[i], boxes[j])) clashes.push(`${boxes[i].what} × ${boxes[j].what}`);
      }
      expect(clashes, `${label} at ${width} px has overlapping controls`).toEqual([]);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}
