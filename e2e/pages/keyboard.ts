import type { Locator, Page } from '@playwright/test';

/** Presses Tab until `target` has focus (at most `maxPresses`), as a keyboard-only user would. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`not reachable with ${maxPresses} presses of Tab: ${target.toString()}`);
}
