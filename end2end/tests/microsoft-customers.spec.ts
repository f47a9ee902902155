import { expect, test } from './fixtures';
import { DEMO_RESELLER, logInAs } from './session';

// Both projects store the same identity and check the same demo customer, which the simulated
// provider links to no reseller: running side by side changes nothing for either.
test('the partner status of a customer is checked and shown as colour, icon and words', async ({
  page,
}) => {
  await logInAs(page, DEMO_RESELLER);
  await page.goto('/settings/microsoft');
  await page.getByLabel('Standort-MPN').fill('1234567');
  await page.getByLabel('Microsoft-ID').fill('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByLabel('Standort-MPN')).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('navigation').getByRole('link', { name: 'Microsoft-Kunden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft-Kunden');
  await expect(page.getByRole('region', { name: 'Legende' })).toContainText('Orange');
  // The demo customer's tenant is ready a few seconds after the server started.
  const row = page.getByRole('row', { name: /Bäckerei Sonnenschein/ });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await row.getByRole('button', { name: 'Vertriebspartnerschaft überprüfen' }).click();
  await expect(row).toContainText('✗ Rot – keinem Vertriebspartner zugeordnet');
  await expect(row).toContainText('Geprüft am');

  await page.getByLabel('Partnerstatus').selectOption({ label: '✓ Grün – Ihnen als Vertriebspartner zugeordnet' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.getByText('Keine Kunden mit Microsoft-Tenant')).toBeVisible();
  await page.getByLabel('Partnerstatus').selectOption({ label: '✗ Rot – keinem Vertriebspartner zugeordnet' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(row).toBeVisible();
});
