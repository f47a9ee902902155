import { expect, test } from './fixtures';

// Runs in the `js` project only (see playwright.config.ts). The pages are HTML from the
// server; only their islands (the forms that check as they are typed) run in the browser.
test('a page loads its islands and its form checks a field as it is left', async ({ page }) => {
  const wasm = page.waitForResponse((r) => r.url().endsWith('/pkg/kontor.wasm'));
  await page.goto('/signup');
  expect((await wasm).status()).toBe(200);
  await expect(page.locator('leptos-island').first()).toBeAttached();

  const email = page.getByLabel('E-Mail-Adresse');
  await email.fill('jonas@');
  await email.blur();
  await expect(page.locator('#email-error')).not.toBeEmpty();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('jonas@sonne.example');
  await expect(page.locator('#email-error')).toBeEmpty();
});

test('a link loads the next page from the server', async ({ page }) => {
  await page.goto('/gibt-es-nicht');
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen bei Kontor');
  await expect(page).toHaveTitle('Kontor');
});
