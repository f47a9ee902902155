import { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

// Every test works on customers of its own (the demo reseller is shared), found by name.
export function uniqueName(testInfo: TestInfo, name: string): string {
  return `${name} ${testInfo.project.name} ${Date.now()}`;
}

/// Creates a customer in Vienna through the form and ends on its page.
export async function createCustomer(page: Page, company: string, contact = 'eva@berg.example') {
  await page.goto('/customers/new');
  await page.getByLabel('Firmenname').fill(company);
  await page.getByLabel('Straße und Hausnummer').fill('Ringstraße 12');
  await page.getByLabel('Land', { exact: true }).selectOption({ label: 'Österreich' });
  await page.getByLabel('Postleitzahl').fill('1010');
  await page.getByLabel('Ort', { exact: true }).fill('Wien');
  await page.getByLabel('Vorname').fill('Eva');
  await page.getByLabel('Nachname').fill('Berg');
  await page.getByLabel('E-Mail des Ansprechpartners').fill(contact);
  await page.getByRole('button', { name: 'Kunden anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
}

/// Creates a customer licences may be ordered for — a ready tenant (`prefix` plus the project
/// and the time) and an accepted agreement — and ends on its agreement page; returns the
/// customer's page.
export async function createOrderableCustomer(
  page: Page,
  testInfo: TestInfo,
  company: string,
  prefix: string,
): Promise<string> {
  const js = testInfo.project.name === 'js';
  await createCustomer(page, company);
  const customerPage = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Einstellungen für weitere Dienste' }).click();
  await page.getByLabel('Domänenpräfix').fill(`${prefix}${js ? 'js' : 'html'}${Date.now()}`);
  if (js) {
    await expect(page.locator('#prefix-availability')).toContainText('ist frei.');
  }
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.getByText('Der Tenant ist bereit.')).toBeVisible({ timeout: 20_000 });
  await page.goto(`${customerPage}/agreement`);
  await page.getByLabel('Vorname').fill('Eva');
  await page.getByLabel('Nachname').fill('Berg');
  await page.getByLabel('E-Mail-Adresse').fill('eva@berg.example');
  await page.getByLabel('Datum der Annahme').fill('2026-01-15');
  await page.getByRole('checkbox', { name: 'Ich bestätige' }).check();
  await page.getByRole('button', { name: 'Manuell bestätigen' }).click();
  await expect(page.locator('#agreement-status')).toContainText('ist akzeptiert');
  return customerPage;
}
