import { expect, test } from './fixtures';
import { DEMO_RESELLER, logInAs } from './session';

test('a reseller browses the catalogue by category and search and opens a product', async ({ page }) => {
  await logInAs(page, DEMO_RESELLER);
  await page.getByRole('link', { name: 'Produktauswahl' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Produktauswahl');
  await expect(page.locator('#product-count')).toHaveText('15 Produkte');

  const categories = page.getByRole('navigation', { name: 'Kategorien' });
  await categories.getByRole('link', { name: 'Microsoft Global CSP' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Microsoft Global CSP');
  await expect(page.locator('#product-count')).toHaveText('13 Produkte');
  await categories.getByRole('link', { name: 'Education' }).click();
  await expect(page.locator('#product-count')).toHaveText('2 Produkte');
  await expect(categories.getByRole('link', { name: 'Education' })).toHaveAttribute('aria-current', 'page');

  // The search stays within the category; another category finds nothing for it.
  await page.getByLabel('Produkte suchen').fill('A1');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.locator('#product-count')).toHaveText('1 Produkt');
  await expect(page).toHaveURL(/category=education/);

  await categories.getByRole('link', { name: 'Alle Produkte' }).click();
  // Typed only once the page has arrived: a search typed while it loads would be replaced.
  await expect(page.locator('#product-count')).toHaveText('15 Produkte');
  await page.getByLabel('Produkte suchen').fill('Business Basic');
  await page.getByRole('button', { name: 'Suchen' }).click();
  const card = page.locator('.product-card', { hasText: 'Microsoft 365 Business Basic' }).first();
  await expect(card).toContainText('6,72\u00a0€ pro Benutzer und Monat');
  await expect(card).toContainText('Beispielpreise');

  await card.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft 365 Business Basic');
  const prices = page.locator('#prices');
  await expect(prices).toContainText('Monatliche Abrechnung');
  await expect(prices).toContainText('5,60\u00a0€ pro Benutzer und Monat (67,20\u00a0€ pro Benutzer und Jahr)');
  await expect(prices).toContainText('1 bis 300');
  await page.getByRole('link', { name: 'Microsoft Teams Premium' }).click();
  await expect(page.getByRole('heading', { name: 'Add-on für' })).toBeVisible();

  await page.goto('/products/NO-SUCH-SKU');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('nicht gefunden');
});
