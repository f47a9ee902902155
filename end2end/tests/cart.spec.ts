import { Page, TestInfo } from '@playwright/test';
import { createCustomer, uniqueName } from './customer';
import { expect, test } from './fixtures';
import { mailTo } from './mail';
import { ADMIN, DEMO_COLLEAGUE, DEMO_RESELLER, logInAs } from './session';

// The cart is per user: each project works in the cart of its own user of the demo reseller,
// one test after the other.
test.describe.configure({ mode: 'serial' });

function cartUser(testInfo: TestInfo) {
  return testInfo.project.name === 'js' ? DEMO_RESELLER : DEMO_COLLEAGUE;
}

/// Opens the cart and removes what an earlier run left.
async function emptyCart(page: Page) {
  await page.goto('/cart');
  const remove = page.getByRole('button', { name: 'Entfernen' });
  for (let left = await remove.count(); left > 0; left = await remove.count()) {
    await remove.first().click();
    await expect(remove).not.toHaveCount(left);
  }
  await expect(page.locator('#cart-empty')).toBeVisible();
}

test('a product goes into the cart, is configured with an add-on, and the totals follow', async ({
  page,
}, testInfo) => {
  await logInAs(page, cartUser(testInfo));
  await emptyCart(page);

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

  // A customer without a tenant cannot be ordered for: it is listed with the reason.
  const customer = page.getByLabel('Kunde', { exact: true });
  await expect(customer.locator('option', { hasText: 'Kanzlei Berg' })).toBeDisabled();
  await expect(customer.locator('option', { hasText: 'Kanzlei Berg' })).toContainText(
    'noch kein Microsoft-Tenant bereit',
  );
  await page.getByLabel('Bestellname').fill('Lizenzen Sonnenschein');
  await page.getByRole('button', { name: 'Speichern' }).first().click();
  await expect(page.locator('#customer-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
  await expect(page.getByLabel('Bestellname')).toHaveValue('Lizenzen Sonnenschein');

  await line.getByRole('button', { name: 'Entfernen' }).click();
  await expect(page.locator('#cart-empty')).toBeVisible();
});

test('an order goes from the cart to an active subscription, with a mail for each step', async ({
  page,
  browser,
}, testInfo) => {
  // The whole way, from a new customer to a second order: longer than one page's test.
  test.slow();
  const js = testInfo.project.name === 'js';
  const user = cartUser(testInfo);
  await logInAs(page, user);

  // A customer licences may be ordered for: a ready tenant and an accepted agreement.
  const company = uniqueName(testInfo, 'Lindenhof');
  await createCustomer(page, company);
  const customerPage = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Einstellungen für weitere Dienste' }).click();
  await page.getByLabel('Domänenpräfix').fill(`linden${js ? 'js' : 'html'}${Date.now()}`);
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

  // Five users of Business Basic, for that customer.
  await emptyCart(page);
  await page.goto('/products/CFQ7TTC0LH18');
  await page.getByRole('button', { name: 'In den Warenkorb' }).click();
  const line = page.locator('.cart-line').first();
  await line.getByLabel('Anzahl Benutzer').fill('5');
  await line.getByRole('button', { name: 'Speichern' }).click();
  await expect(line.locator('.line-amount')).toHaveText('33,60\u00a0€ pro Monat');
  await page.getByLabel('Bestellname').fill('Lizenzen Lindenhof');
  await page.getByLabel('Kunde', { exact: true }).selectOption({ label: company });
  await page.getByRole('button', { name: 'Speichern' }).first().click();
  await expect(page.locator('.checkout .hint').first()).not.toHaveText(/Bestellname und Kunde/);

  // Binding only with the terms accepted.
  const order = page.getByRole('button', { name: 'Zahlungspflichtig bestellen' });
  await expect(order).toBeEnabled();
  await order.click();
  await expect(page.locator('#accept_terms-error')).toHaveText('Bitte stimmen Sie zu, um fortzufahren.');
  await page.getByRole('checkbox', { name: 'Allgemeinen Geschäftsbedingungen' }).check();
  await order.click();

  // The order page follows provisioning by itself: polling with JavaScript, reloading without.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bestellung K-\d{4}-\d{6}$/);
  const number = (await page.locator('#order-number').textContent())!.trim();
  await expect(page.locator('#order-details')).toContainText(company);
  await expect(page.locator('#order-totals')).toContainText('39,98\u00a0€');
  await expect(page.locator('#order-status')).toContainText('Aktiv', { timeout: 20_000 });
  await expect(page.locator('.order-lines')).toContainText('Aktiv');
  await expect(page.locator('#order-progress')).toHaveText('Alle Lizenzen sind bereit.');
  await mailTo(user.email, `Bestellung ${number} ist eingegangen`);
  await mailTo(user.email, `Bestellung ${number}: Lizenzen bereit`);

  // The cart is empty again; the order is in the history, found by its customer.
  await page.goto('/cart');
  await expect(page.locator('#cart-empty')).toBeVisible();
  await page.goto('/orders');
  await page.getByLabel('Kunde', { exact: true }).selectOption({ label: company });
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.locator('#order-count')).toHaveText('1 Bestellung');
  const row = page.getByRole('row', { name: number });
  await expect(row).toContainText('Aktiv');
  await row.getByRole('link', { name: company }).click();

  // The customer has the subscription now.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  const subscription = page.locator('#subscriptions tbody tr');
  await expect(subscription).toHaveCount(1);
  await expect(subscription).toContainText('Microsoft 365 Business Basic');
  await expect(subscription).toContainText('monatlich');
  await expect(subscription).toContainText(number);

  // Two more users: an order through the same path, binding only with the terms.
  await subscription.getByRole('link', { name: 'Benutzer hinzufügen' }).click();
  await expect(page.locator('#subscription-seats')).toHaveText('5');
  await page.getByLabel('Zusätzliche Benutzer').fill('296');
  await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
  await expect(page.locator('#added-error')).toHaveText('Bitte eine ganze Zahl von 1 bis 295 eingeben.');
  await expect(page.locator('#accept_terms-error')).toHaveText('Bitte stimmen Sie zu, um fortzufahren.');
  await page.getByLabel('Zusätzliche Benutzer').fill('2');
  if (js) {
    await expect(page.locator('#add-seats-cost')).toContainText('13,44\u00a0€ je Abrechnung');
  }
  await page.getByRole('checkbox', { name: 'Allgemeinen Geschäftsbedingungen' }).check();
  await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Bestellung K-\d{4}-\d{6}$/);
  await expect(page.locator('#order-details')).toContainText('Microsoft 365 Business Basic: +2 Benutzer');
  await expect(page.locator('#order-status')).toContainText('Aktiv', { timeout: 20_000 });
  await page.getByRole('link', { name: company }).click();
  await expect(page.locator('#subscriptions tbody tr')).toHaveCount(1);
  await expect(page.locator('#subscriptions tbody tr td').first()).toHaveText('7');

  // The distributor's staff find both orders among every reseller's, by reseller and customer.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'de-DE',
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const staff = await context.newPage();
  await logInAs(staff, ADMIN);
  await staff.goto('/admin');
  await staff.getByRole('link', { name: 'Bestellungen' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Alle Bestellungen');
  await staff.getByLabel('Reseller', { exact: true }).selectOption({ label: 'Demo Systemhaus GmbH' });
  await staff.getByRole('button', { name: 'Filtern' }).click();
  await staff.getByLabel('Kunde', { exact: true }).selectOption({ label: company });
  await staff.getByRole('button', { name: 'Filtern' }).click();
  await expect(staff.locator('#order-count')).toHaveText('2 Bestellungen');
  await expect(staff.getByRole('row', { name: number })).toContainText('Aktiv');
  await context.close();
});
