import { createCustomer, uniqueName } from './customer';
import { expect, test } from './fixtures';
import { ADMIN, DEMO_RESELLER, logInAs } from './session';

test('a reseller creates a customer, corrects a mistake, edits and finds it', async ({
  page,
}, testInfo) => {
  const company = uniqueName(testInfo, 'Bäckerei Sonne');
  await logInAs(page, DEMO_RESELLER);
  await page.getByRole('navigation').getByRole('link', { name: 'Kunden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kunden');
  await page.getByRole('link', { name: 'Neuen Kunden anlegen' }).click();

  await page.getByLabel('Firmenname').fill(company);
  await page.getByLabel('Straße und Hausnummer').fill('Marktplatz 3');
  await page.getByLabel('Postleitzahl').fill('8033');
  await page.getByLabel('Ort', { exact: true }).fill('München');
  await page.getByLabel('Vorname').fill('Jonas');
  await page.getByLabel('Nachname').fill('Weber');
  await page.getByLabel('E-Mail des Ansprechpartners').fill('jonas@sonne.example');
  await page.getByRole('button', { name: 'Kunden anlegen' }).click();

  // Refused: the error sits next to its field, and nothing typed is lost.
  const postalCode = page.getByLabel('Postleitzahl');
  await expect(postalCode).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#postal_code-error')).toContainText('passt nicht zum gewählten Land');
  await expect(page.getByLabel('Firmenname')).toHaveValue(company);
  await expect(page.getByLabel('E-Mail des Ansprechpartners')).toHaveValue('jonas@sonne.example');

  await postalCode.fill('80331');
  await page.getByRole('button', { name: 'Kunden anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(page.getByText('80331 München')).toBeVisible();

  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kunden bearbeiten');
  await page.getByLabel('Ort', { exact: true }).fill('Freising');
  await page.getByLabel('Postleitzahl').fill('85354');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(page.getByText('85354 Freising')).toBeVisible();

  await page.getByRole('link', { name: 'Zur Kundenliste' }).click();
  await page.getByLabel('Kunden suchen').fill(company);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.locator('#customer-count')).toHaveText('1 Kunde');
  await expect(page.getByRole('row', { name: new RegExp(company) })).toContainText('Freising');
});

test('another account cannot open a customer by its address', async ({ page }, testInfo) => {
  const company = uniqueName(testInfo, 'Kanzlei Fremd');
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, company);
  const address = new URL(page.url()).pathname;

  // The distributor's admin is no reseller: the customer stays hidden.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await logInAs(page, ADMIN);
  await expect(page.getByRole('link', { name: 'Verwaltung' })).toBeVisible();
  await page.goto(address);
  await expect(page.getByText('Die Kundenverwaltung ist für Fachhändler.')).toBeVisible();
  await expect(page.getByText(company)).toHaveCount(0);
});
