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
