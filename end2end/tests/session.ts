import { expect, Page } from '@playwright/test';

// The accounts every test server has: the distributor admin (playwright.config.ts) and the
// demo reseller (server/src/demo_data.rs).
export const ADMIN = { email: 'admin@kontor.example', password: 'Fachhandel#2026' };
export const DEMO_RESELLER = { email: 'demo@fachhandel.example', password: 'Fachhandel#2026' };
// A colleague at the demo reseller: a second user (and so a second cart) of the same company.
export const DEMO_COLLEAGUE = { email: 'team@fachhandel.example', password: 'Fachhandel#2026' };

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Kennwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/// Logs in and waits until the page shows the account: with JavaScript the login runs in the
/// background, and navigating away before it answers would cancel it.
export async function logInAs(page: Page, account: { email: string; password: string }) {
  await logIn(page, account.email, account.password);
  await expect(page.getByRole('banner')).toContainText(account.email);
}
