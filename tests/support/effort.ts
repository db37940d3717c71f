import type { BrowserContext, Page } from 'playwright-core';

/** What a person did on a page: pointer presses (clicks, taps) and key presses, as the page received them. */
export interface Effort {
  clicks: number;
  keystrokes: number;
}

const STORE = 'vitrina.test.effort';

/**
 * Counts, in the page itself, every trusted pointer press and key press a
 * context's pages receive; the count lives in sessionStorage, so it survives
 * the navigations and reloads of the task it measures.
 */
export async function countEffort(context: BrowserContext): Promise<void> {
  await context.addInitScript((store) => {
    const bump = (what: 'clicks' | 'keystrokes', by = 1) => {
      const effort = JSON.parse(sessionStorage.getItem(store) ?? '{"clicks":0,"keystrokes":0}');
      effort[what] += by;
      sessionStorage.setItem(store, JSON.stringify(effort));
    };
    window.addEventListener('pointerdown', (event) => event.isTrusted && bump('clicks'), true);
    // A letter is counted by the text it inserts: letters a keyboard layout lacks (Cyrillic, Kazakh)
    // arrive as input with no key event. Other keys (Enter, Tab, Backspace, arrows, shortcuts) by their press.
    window.addEventListener(
      'keydown',
      (event) => event.isTrusted && (event.key.length > 1 || event.ctrlKey || event.metaKey) && bump('keystrokes'),
      true,
    );
    window.addEventListener(
      'beforeinput',
      (event) => event.isTrusted && event.inputType === 'insertText' && event.data && bump('keystrokes', [...event.data].length),
      true,
    );
  }, STORE);
}

export async function effortSoFar(page: Page): Promise<Effort> {
  return page.evaluate((store) => JSON.parse(sessionStorage.getItem(store) ?? '{"clicks":0,"keystrokes":0}') as Effort, STORE);
}

export async function resetEffort(page: Page): Promise<void> {
  await page.evaluate((store) => sessionStorage.removeItem(store), STORE);
}
