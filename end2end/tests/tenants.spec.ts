import { createCustomer, uniqueName } from './customer';
import { expect, test } from './fixtures';
import { linkPath, mailTo } from './mail';
import { DEMO_RESELLER, logInAs } from './session';

test('a taken prefix turns red with suggestions; the suggestion becomes a ready tenant whose login shows once', async ({
  page,
}, testInfo) => {
  const js = testInfo.project.name === 'js';
  const company = uniqueName(testInfo, 'Sonnenhof');
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, company);
  await expect(page.locator('#tenant-summary')).toHaveText('Noch kein Tenant eingerichtet.');
  await page.getByRole('link', { name: 'Einstellungen für weitere Dienste' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen für weitere Dienste');

  // "muster" is taken worldwide at the provider.
  const prefix = page.getByLabel('Domänenpräfix');
  await prefix.fill('muster');
  if (!js) {
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await expect(page.locator('#prefix-error')).toHaveText('Dieses Präfix ist bereits vergeben.');
    await expect(prefix).toHaveValue('muster');
  }
  await expect(page.locator('#prefix-availability')).toContainText('Bereits vergeben.');
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');

  const suggestion = page.locator('.suggestions a').first();
  const suggested = (await suggestion.textContent())!.trim();
  expect(suggested).toMatch(/^sonnenhof/);
  await suggestion.click();
  await expect(prefix).toHaveValue(suggested);
  await expect(page.locator('#prefix-availability')).toContainText(
    `${suggested}.onmicrosoft.com ist frei.`,
  );
  await expect(prefix).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Einrichten' }).click();

  // The page follows the creation by itself: polling with JavaScript, reloading without.
  await expect(page.getByText('Der Tenant ist bereit.')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#admin-user')).toHaveText(`admin@${suggested}.onmicrosoft.com`);
  const password = (await page.locator('#initial-password').textContent())!;
  expect(password.length).toBeGreaterThanOrEqual(12);

  await page.getByRole('button', { name: 'Notiert – Kennwort löschen' }).click();
  await expect(page.getByText('gelöscht, nachdem Sie es notiert haben')).toBeVisible();
  await expect(page.locator('#initial-password')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(password)).toHaveCount(0);

  await page.getByRole('link', { name: company }).click();
  await expect(page.locator('#tenant-summary')).toHaveText(`${suggested}.onmicrosoft.com – bereit`);
});

test('an existing tenant is invited by mail and authorises the reseller on the linked page', async ({
  page,
}, testInfo) => {
  const js = testInfo.project.name === 'js';
  const company = uniqueName(testInfo, 'Bergblick');
  const contact = `it-${testInfo.project.name}-${Date.now()}@bergblick.example`;
  const domain = `bergblick-${testInfo.project.name}-${Date.now()}.de`;
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, company, contact);
  await page.getByRole('link', { name: 'Einstellungen für weitere Dienste' }).click();

  await page.getByRole('checkbox', { name: 'Microsoft-Domäne verwenden' }).check();
  if (js) {
    // Only the field that applies is shown.
    await expect(page.getByLabel('Domänenpräfix')).toBeHidden();
  }
  await page.getByLabel('Standarddomäne des Kunden').fill('bergblick');
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.locator('#domain-error')).toContainText('Bitte geben Sie eine Domäne');

  await page.getByLabel('Standarddomäne des Kunden').fill(domain);
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.getByText('Einladung gesendet.')).toBeVisible();

  // The customer's admin follows the mailed link to the provider's page and authorises.
  const mail = await mailTo(contact, 'Demo Systemhaus GmbH bittet um Ihre Autorisierung');
  const tenantPage = page.url();
  await page.goto(linkPath(mail, '/provider-sim/invitations/'));
  await page.getByLabel('E-Mail-Adresse des globalen Administrators').fill(`admin@${domain}`);
  await page.getByLabel('Kennwort').fill('Kunde#2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText(domain, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'CSP autorisieren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autorisiert');

  await page.goto(tenantPage);
  await expect(page.getByText('Der Kunde hat Sie als Partner autorisiert.')).toBeVisible();
});
