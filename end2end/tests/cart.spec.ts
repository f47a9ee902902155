import { Page, TestInfo } from '@playwright/test';
import { createOrderableCustomer, uniqueName } from './customer';
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
  await createOrderableCustomer(page, testInfo, company, 'linden');

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
  await expect(page.locator('#checkout-for')).toHaveText(`Bestellung „Lizenzen Lindenhof“ für ${company}`);

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
  await subscription.getByRole('link', { name: 'Verwalten' }).click();
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

/// Orders `seats` users of Business Basic, monthly, for the customer and waits until the
/// order is active; ends on the subscription's page.
async function subscribe(page: Page, company: string, seats: string) {
  await emptyCart(page);
  await page.goto('/products/CFQ7TTC0LH18');
  await page.getByRole('button', { name: 'In den Warenkorb' }).click();
  const line = page.locator('.cart-line').first();
  await line.getByLabel('Anzahl Benutzer').fill(seats);
  await line.getByRole('button', { name: 'Speichern' }).click();
  // The saved line's amount (6,72 € a user): the save has landed and the cart page it leads
  // back to has loaded, so what is typed next is not lost to that load.
  const monthly = (6.72 * Number(seats)).toFixed(2).replace('.', ',');
  await expect(line.locator('.line-amount')).toHaveText(`${monthly}\u00a0€ pro Monat`);
  await page.getByLabel('Bestellname').fill('Lizenzen Büro');
  await page.getByLabel('Kunde', { exact: true }).selectOption({ label: company });
  await page.getByRole('button', { name: 'Speichern' }).first().click();
  // The checkout names what it orders once the header is saved.
  await expect(page.locator('#checkout-for')).toHaveText(`Bestellung „Lizenzen Büro“ für ${company}`);
  await page.getByRole('checkbox', { name: 'Allgemeinen Geschäftsbedingungen' }).check();
  await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
  await expect(page.locator('#order-status')).toContainText('Aktiv', { timeout: 20_000 });
  await page.getByRole('link', { name: company }).click();
  await page.locator('#subscriptions tbody tr').getByRole('link', { name: 'Verwalten' }).click();
  await expect(page.locator('#subscription-seats')).toHaveText(seats);
}

test('within its first week a subscription gets fewer users, a number for the renewal, no renewal, and is cancelled', async ({
  page,
}, testInfo) => {
  test.slow();
  const user = cartUser(testInfo);
  await logInAs(page, user);
  const company = uniqueName(testInfo, 'Eichenhof');
  await createOrderableCustomer(page, testInfo, company, 'eichen');
  await subscribe(page, company, '10');

  // Bought a moment ago: the window for fewer users and cancelling is open for 7 days (all
  // of them when the page is shown within the second of the purchase).
  await expect(page.locator('#change-window')).toContainText(/noch (7 Tage|6 Tage 23 Stunden)/);
  const status = page.locator('#change-status');
  const reduce = page.locator('#reduce-form');
  await reduce.getByLabel('Neue Anzahl Benutzer').fill('10');
  await reduce.getByRole('button', { name: 'Reduzieren' }).click();
  await expect(page.locator('#reduce-seats-error')).toHaveText('Bitte eine ganze Zahl von 1 bis 9 eingeben.');

  // Below the licences the customer has assigned: Microsoft refuses, the count stays.
  await reduce.getByLabel('Neue Anzahl Benutzer').fill('2');
  await reduce.getByRole('button', { name: 'Reduzieren' }).click();
  await expect(status).toContainText('Reduzierung auf 2 Benutzer: nicht übernommen.', { timeout: 20_000 });
  await expect(status).toContainText('Zuweisungen im Microsoft 365 Admin Center');
  await expect(page.locator('#subscription-seats')).toHaveText('10');
  await mailTo(user.email, `Änderung nicht übernommen: Microsoft 365 Business Basic für ${company}`);

  await page.locator('#reduce-form').getByLabel('Neue Anzahl Benutzer').fill('6');
  await page.locator('#reduce-form').getByRole('button', { name: 'Reduzieren' }).click();
  await expect(status).toHaveText('Reduzierung auf 6 Benutzer: von Microsoft übernommen.', { timeout: 20_000 });
  await expect(page.locator('#subscription-seats')).toHaveText('6');
  await mailTo(user.email, `Abonnement geändert: Microsoft 365 Business Basic für ${company}`);

  // Four from the renewal on; until then six.
  const renewal = page.locator('#renewal-form');
  await renewal.getByLabel('Benutzer ab der Verlängerung').fill('4');
  await renewal.getByRole('button', { name: 'Vormerken' }).click();
  await expect(status).toHaveText('4 Benutzer ab der Verlängerung: von Microsoft übernommen.', { timeout: 20_000 });
  await expect(page.locator('#subscription-renewal')).toContainText('(ab dann 4 Benutzer)');
  await expect(page.locator('#subscription-seats')).toHaveText('6');

  // No renewal: it ends with its term.
  await page.getByRole('button', { name: 'Automatische Verlängerung ausschalten' }).click();
  await expect(status).toHaveText('Automatische Verlängerung aus: von Microsoft übernommen.', { timeout: 20_000 });
  await expect(page.locator('#subscription-renewal')).toContainText('endet am');

  // Cancelled, confirmed: nothing more to change.
  const cancel = page.getByRole('button', { name: 'Kündigen' });
  await cancel.click();
  await expect(page.locator('#cancel-confirm-error')).toHaveText('Bitte stimmen Sie zu, um fortzufahren.');
  await page.getByRole('checkbox', { name: 'jetzt kündigen' }).check();
  await page.getByRole('button', { name: 'Kündigen' }).click();
  await expect(page.locator('#subscription-state')).toHaveText('gekündigt', { timeout: 20_000 });
  await expect(page.locator('#subscription-changes')).toHaveCount(0);
  await expect(page.locator('#add-seats')).toHaveCount(0);
});

test('after its first week a subscription keeps its users until the renewal', async ({ page }, testInfo) => {
  await logInAs(page, cartUser(testInfo));
  // The demo's first customer bought five users ten days ago.
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Bäckerei Sonnenschein GmbH' }).click();
  await page.locator('#subscriptions tbody tr').getByRole('link', { name: 'Verwalten' }).click();
  await expect(page.locator('#change-window')).toContainText('ist am');
  await expect(page.locator('#change-window')).toContainText('abgelaufen');
  await expect(page.locator('#reduce-form')).toHaveCount(0);
  await expect(page.locator('#cancel-form')).toHaveCount(0);
  await expect(page.locator('#renewal-form')).toBeVisible();
  await expect(page.locator('#subscription-renewal')).toContainText('verlängert sich am');
});
