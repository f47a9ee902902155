import { expect, test } from './fixtures';

test('the start page speaks German by default', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Kontor');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen bei Kontor');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page');
  // German date format, read from the database by the server function.
  await expect(page.locator('footer')).toContainText(/In Betrieb seit \d{2}\.\d{2}\.\d{4}/);
});

test('the language switch changes the page and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Kontor');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('footer')).toContainText(/In operation since \d{1,2} [A-Z][a-z]{2} \d{4}/);

  // Remembered: a new visit and another page stay English.
  await page.goto('/somewhere-else');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  // And back, from where we are: the switch returns to the same page.
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(/\/somewhere-else$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the browser language is the first guess', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Kontor');
  });
});

test('an unknown address gets a helpful 404 page', async ({ page }) => {
  const response = await page.goto('/gibt-es-nicht');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Seite nicht gefunden · Kontor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
  await page.getByRole('link', { name: 'Zur Startseite' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen bei Kontor');
});

test('keyboard users can skip to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
});
