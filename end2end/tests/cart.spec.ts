import { expect, test } from './fixtures';
import { DEMO_COLLEAGUE, DEMO_RESELLER, logInAs } from './session';

// The cart is per user: each project works in the cart of its own user of the demo reseller.
test('a product goes into the cart, is configured with an add-on, and the totals follow', async ({
  page,
}, testInfo) => {
  await logInAs(page, testInfo.project.name === 'js' ? DEMO_RESELLER : DEMO_COLLEAGUE);
  await page.goto('/cart');
  // Start empty: remove what an earlier run left.
  const remove = page.getByRole('button', { name: 'Entfernen' });
  for (let left = await remove.count(); left > 0; left = await remove.count()) {
    await remove.first().click();
    await expect(remove).not.toHaveCount(left);
  }
  await expect(page.locator('#cart-empty')).toBeVisible();

  await page.goto('/products/CFQ7TTC0LH18');
  await page.getByRole('button', { name: 'In den Warenkorb' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warenkorb');
  const line = page.locator('.cart-line').first();
  await expect(line).toContainText('Microsoft 365 Business Basic');
  await expect(line.locator('.line-amount')).toHaveText('6,72\u00a0€ pro Monat');

  // Out of bounds: refused at the field, nothing saved.
  await line.getByLabel('Anzahl Benutzer').fill('301');
  await line.getByRole('button', { name: 'Speichern' }).click();
  await expect(line.locator('.field-error')).toHaveText('Bitte eine ganze Zahl von 1 bis 300 eingeben.');
  await expect(line.locator('.line-amount')).toHaveText('6,72\u00a0€ pro Monat');

  await line.getByLabel('Anzahl Benutzer').fill('10');
  await line.getByLabel('Abrechnung').selectOption('annual');
  await line.getByRole('button', { name: 'Speichern' }).click();
  await expect(line.locator('.line-amount')).toHaveText('672,00\u00a0€ pro Jahr (56,00\u00a0€ pro Monat)');

  await line.getByRole('button', { name: '+ Exchange Online Archiving' }).click();
  const addon = page.locator('.cart-line.addon');
  await expect(addon).toContainText('Exchange Online Archiving');
  await expect(addon.locator('.line-amount')).toHaveText('336,00\u00a0€ pro Jahr (28,00\u00a0€ pro Monat)');
  const totals = page.locator('#cart-totals');
  await expect(totals).toContainText('1.008,00\u00a0€');
  await expect(totals).toContainText('191,52\u00a0€');
  await expect(totals).toContainText('1.199,52\u00a0€');

  // No demo customer can be ordered for yet: each is listed with its reason.
  const customer = page.getByLabel('Kunde', { exact: true });
  await expect(customer.locator('option', { hasText: 'Bäckerei Sonnenschein' })).toBeDisabled();
  await expect(customer.locator('option', { hasText: 'Bäckerei Sonnenschein' })).toContainText(
    'noch kein Microsoft-Tenant bereit',
  );
  await page.getByLabel('Bestellname').fill('Lizenzen Sonnenschein');
  await page.getByRole('button', { name: 'Speichern' }).first().click();
  await expect(page.locator('#customer-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
  await expect(page.getByLabel('Bestellname')).toHaveValue('Lizenzen Sonnenschein');

  await line.getByRole('button', { name: 'Entfernen' }).click();
  await expect(page.locator('#cart-empty')).toBeVisible();
});
