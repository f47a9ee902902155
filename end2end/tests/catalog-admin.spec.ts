import { expect, test } from './fixtures';
import { ADMIN, DEMO_RESELLER, logInAs } from './session';

// Both projects run at once against one database: each changes a product of its own, and
// adds products that resellers are not offered (other specs count the offered ones).
const OWN_PRODUCT = {
  js: { sku: 'CFQ7TTC0LF8Q', name: 'Office 365 E1', price: '12,34' },
  'no-js': { sku: 'CFQ7TTC0LF8R', name: 'Office 365 E3', price: '27,50' },
};

function newSku(): string {
  return `KB-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1000)}`;
}

test('staff add a product, priced German style, and change a price resellers see at once', async ({
  page,
  browser,
}, testInfo) => {
  const own = OWN_PRODUCT[testInfo.project.name as 'js' | 'no-js'];
  const sku = newSku();
  await logInAs(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Katalog', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katalog pflegen');

  await page.getByRole('link', { name: 'Neues Produkt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neues Produkt');
  await page.getByLabel('Artikelnummer').fill(sku);
  await page.getByLabel('Name', { exact: true }).fill('Kontor Backup Pro');
  await page.getByLabel('Kategorie').selectOption('microsoft-csp');
  await page.getByLabel('Beschreibung (Deutsch)').fill('Sicherung für Postfächer.');
  await page.getByLabel('Beschreibung (Englisch)').fill('Backup for mailboxes.');
  const monthly = page.getByLabel('Monatliche Abrechnung (je Benutzer und Monat)');
  await monthly.fill('6.72');
  await page.getByLabel('Im Angebot').uncheck();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(monthly).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Bitte einen Betrag in Euro angeben, etwa 12,50')).toBeVisible();
  // Nothing typed is lost.
  await expect(page.getByLabel('Artikelnummer')).toHaveValue(sku);
  await expect(page.getByLabel('Beschreibung (Deutsch)')).toHaveValue('Sicherung für Postfächer.');
  await monthly.fill('6,72');
  await page.getByRole('button', { name: 'Speichern' }).click();

  // Back in the list, searched for the new product: listed, but not offered yet.
  await expect(page).toHaveURL(new RegExp(`/admin/catalog\\?q=${sku}`));
  const products = page.locator('#catalog-products');
  await expect(products).toContainText('Kontor Backup Pro');
  await expect(products).toContainText('6,72\u00a0€ pro Benutzer und Monat');
  await expect(products).toContainText('nicht im Angebot');

  // A demo product of this project's own gets a new monthly price.
  await page.goto(`/admin/catalog/products/${own.sku}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(own.sku);
  await expect(page.getByLabel('Artikelnummer')).toHaveCount(0);
  await monthly.fill(own.price);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${own.sku}`));
  await expect(products).toContainText(`${own.price}\u00a0€ pro Benutzer und Monat`);

  const reseller = await browser.newPage({ javaScriptEnabled: testInfo.project.name === 'js' });
  await logInAs(reseller, DEMO_RESELLER);
  await reseller.goto(`/products/${own.sku}`);
  await expect(reseller.getByRole('heading', { level: 1 })).toHaveText(own.name);
  await expect(reseller.locator('#prices')).toContainText(`${own.price}\u00a0€ pro Benutzer und Monat`);
  await reseller.goto(`/products/${sku}`);
  // Not offered: resellers do not find it.
  await expect(reseller.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
  await reseller.close();

  // The change is in the audit log with both prices.
  await page.goto('/admin/audit?area=catalog');
  const log = page.locator('#audit-log');
  await expect(log).toContainText(`Produkt ${own.sku} geändert: ${own.name}. Preise vorher:`);
  await expect(log).toContainText(`Produkt ${sku} angelegt: Kontor Backup Pro`);
});

test('staff add a category below another and find it in the tree', async ({ page }) => {
  const slug = `bereich-${Date.now().toString(36)}-${Math.floor(Math.random() * 1000)}`;
  await logInAs(page, ADMIN);
  await page.goto('/admin/catalog');
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Kategorie anlegen' }) });
  await form.getByLabel('Kurzname (für Links)').fill('Sicher Heit');
  await form.getByLabel('Name (Deutsch)').fill('Sicherheit');
  await form.getByLabel('Name (Englisch)').fill('Security');
  await form.getByLabel('Übergeordnete Kategorie').selectOption('microsoft-csp');
  await form.getByRole('button', { name: 'Anlegen' }).click();
  await expect(form.getByText('Kleinbuchstaben und Ziffern, Wörter mit Bindestrich')).toBeVisible();
  await expect(form.getByLabel('Name (Deutsch)')).toHaveValue('Sicherheit');
  await form.getByLabel('Kurzname (für Links)').fill(slug);
  await form.getByRole('button', { name: 'Anlegen' }).click();
  const tree = page.locator('#catalog-categories');
  await expect(tree).toContainText(slug);
  await expect(form.getByLabel('Kurzname (für Links)')).toHaveValue('');

  await tree.getByRole('row', { name: slug }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(slug);
  await page.getByLabel('Name (Deutsch)').fill('IT-Sicherheit');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katalog pflegen');
  await expect(tree.getByRole('row', { name: slug })).toContainText('IT-Sicherheit');
});
