import { expect, test } from './fixtures';

// The first admin, created by the server under test from KONTOR_ADMIN_* (playwright.config.ts).
const ADMIN = 'admin@kontor.example';
const PASSWORD = 'Fachhandel#2026';

test('the admin logs in, sees the administration, and logs out', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');

  await page.getByLabel('E-Mail-Adresse').fill(ADMIN);
  await page.getByLabel('Kennwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner')).toContainText(ADMIN);
  // The session survives a reload: it lives on the server, not in the page.
  await page.reload();
  await expect(page.getByRole('banner')).toContainText(ADMIN);

  // Distributor staff see their administration, and it answers them.
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Verwaltung' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verwaltung');
  await expect(page.locator('.stats')).toContainText('Benutzerkonten');

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText(ADMIN);
  await expect(nav.getByRole('link', { name: 'Verwaltung' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('banner')).not.toContainText(ADMIN);
});

test('a wrong password shows the error next to the form and keeps the user out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(ADMIN);
  await page.getByLabel('Kennwort').fill('Falsch2026!');
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Kennwort ist nicht richtig.');
  await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText(ADMIN);
  // The address stays filled in (without JavaScript the server kept it for the form).
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(ADMIN);
});

test('a malformed email address is marked at its field', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill('admin-at-kontor');
  await page.getByLabel('Kennwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();

  const email = page.getByLabel('E-Mail-Adresse');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#login-email-error')).toHaveText(/gültige E-Mail-Adresse/);
});
