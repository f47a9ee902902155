import { createCustomer, uniqueName } from './customer';
import { expect, test } from './fixtures';
import { DEMO_RESELLER, logInAs } from './session';

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

test('what is ticked and typed before the islands wake up counts once they do', async ({ page }, testInfo) => {
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, uniqueName(testInfo, 'Frühaufsteher'));
  // The page arrives at once; its code only after the user has acted (a slow line).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/pkg\/.*\.(js|wasm)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Einstellungen für weitere Dienste' }).click();
  await page.getByRole('checkbox', { name: 'Microsoft-Domäne verwenden' }).check();
  await page.getByLabel('Standarddomäne des Kunden').fill('bergblick');
  await expect(page.getByLabel('Domänenpräfix')).toBeVisible();

  release();
  // Awake: only the field that applies to the ticked box is shown, and what was typed is
  // checked at once, not first when the field is left (the message would move the button
  // away from a pointer on its way to click it).
  await expect(page.getByLabel('Domänenpräfix')).toBeHidden();
  await expect(page.locator('#domain-error')).toContainText('Bitte geben Sie eine Domäne');
  await expect(page.getByLabel('Standarddomäne des Kunden')).toBeFocused();
});
