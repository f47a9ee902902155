// Signing up a new reseller through the form, as a newcomer does.
import { expect, Page, TestInfo } from '@playwright/test';
import { linkPath, mailTo } from './mail';

export const PASSWORD = 'Kanzlei-Netz 7ä!';

// The demo customer records (server/src/demo_data.rs); each project signs up with its own.
export const CUSTOMER = {
  js: { number: '100001', postalCode: '10115', state: 'Berlin' },
  'no-js': { number: '100003', postalCode: '20095', state: 'Hamburg' },
} as const;

export function newAddress(testInfo: TestInfo, name: string): string {
  return `${name}-${testInfo.project.name}-${Date.now()}@haendler.example`;
}

export type Signup = { email: string; customerNumber?: string; postalCode?: string; state?: string };

export async function fillSignup(page: Page, signup: Signup) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Jetzt registrieren!' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto erstellen');
  await page.getByLabel('E-Mail-Adresse').fill(signup.email);
  await page.getByLabel('Kennwort', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Kennwort wiederholen').fill(PASSWORD);
  await page.getByLabel('Anrede').selectOption({ label: 'Frau' });
  await page.getByLabel('Vorname').fill('Anna');
  await page.getByLabel('Nachname').fill('Berger');
  await page.getByLabel('Telefon').fill('+49 30 1234567');
  await page.getByLabel('Firmenname').fill('Berger IT GmbH');
  await page.getByLabel('Straße und Hausnummer').fill('Hauptstraße 1');
  await page.getByLabel('Postleitzahl').fill(signup.postalCode ?? '10115');
  await page.getByLabel('Ort', { exact: true }).fill('Berlin');
  await page.getByLabel('Land', { exact: true }).selectOption({ label: 'Deutschland' });
  await page.getByLabel('Bundesland').selectOption({ label: signup.state ?? 'Berlin' });
  if (signup.customerNumber) {
    await page.getByLabel('Kundennummer').fill(signup.customerNumber);
  } else {
    await page.getByLabel('Kontoinhaber').fill('Berger IT GmbH');
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
  }
  await page.getByRole('checkbox', { name: /Geschäftsbedingungen/ }).check();
  await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
}

export async function submitAndConfirm(page: Page, email: string) {
  await page.getByRole('button', { name: 'Konto erstellen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fast geschafft');

  const mail = await mailTo(email, 'Bitte bestätigen Sie Ihre E-Mail-Adresse');
  await page.goto(linkPath(mail, '/signup/confirm/'));
  await page.getByRole('button', { name: 'Jetzt bestätigen' }).click();
  // Wait for the answer: a navigation right after the click would cancel the confirmation.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-Mail-Adresse bestätigt');
}
