import { expect, test } from './fixtures';

// Runs in the `js` project only (see playwright.config.ts).
test('the page hydrates: links then navigate without reloading the page', async ({ page }) => {
  const wasm = page.waitForResponse((r) => r.url().endsWith('/pkg/kontor.wasm'));
  await page.goto('/gibt-es-nicht');
  expect((await wasm).status()).toBe(200);
  await page.waitForLoadState('networkidle');

  await page.evaluate(() => ((window as unknown as { kontorMarker: boolean }).kontorMarker = true));
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen bei Kontor');
  // The same window: the router handled the click in the page.
  expect(await page.evaluate(() => (window as unknown as { kontorMarker?: boolean }).kontorMarker)).toBe(true);
  await expect(page).toHaveTitle('Kontor');
});
