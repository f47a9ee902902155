import { createCustomer, uniqueName } from './customer';
import { expect, test } from './fixtures';
import { linkPath, mailTo } from './mail';
import { DEMO_RESELLER, logInAs } from './session';

test('the customer accepts the mailed agreement on the linked page and turns green', async ({
  page,
  browser,
}, testInfo) => {
  const js = testInfo.project.name === 'js';
  const company = uniqueName(testInfo, 'Sonnenhof');
  const contact = `it-${testInfo.project.name}-${Date.now()}@sonnenhof.example`;
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, company, contact);
  await expect(page.locator('#agreement-summary')).toContainText('Nicht akzeptiert');
  await page.getByRole('link', { name: 'Cloud-Vereinbarung öffnen' }).click();
  await expect(page.locator('#agreement-status')).toContainText('noch nicht akzeptiert');

  await page.getByRole('button', { name: 'Vereinbarung senden' }).click();
  await expect(page.locator('#agreement-link')).toContainText('Zuletzt gesendet am');
  await expect(page.getByRole('button', { name: 'Erneut senden' })).toBeVisible();
  await expect(page.locator('#history')).toContainText(`Vereinbarung per E-Mail an ${contact} gesendet`);

  // The customer follows the link, without an account, in a browser of its own.
  const mail = await mailTo(contact, `Cloud-Vereinbarung für ${company}`);
  const customer = await browser.newContext({ javaScriptEnabled: js, locale: 'de-DE' });
  const customerPage = await customer.newPage();
  await customerPage.goto(linkPath(mail, '/agreement/'));
  await expect(customerPage.getByRole('heading', { level: 1 })).toHaveText(
    `Cloud-Vereinbarung für ${company}`,
  );
  await expect(customerPage.locator('.agreement-text')).toContainText('Fassung 2026-11');
  await expect(customerPage.getByLabel('E-Mail-Adresse')).toHaveValue(contact);

  // Without the tick and with a bad address nothing is recorded.
  await customerPage.getByLabel('Vorname').fill('Eva');
  await customerPage.getByLabel('E-Mail-Adresse').fill('eva@');
  await customerPage.getByRole('button', { name: 'Vereinbarung akzeptieren' }).click();
  await expect(customerPage.locator('#accept-error')).toHaveText('Bitte stimmen Sie zu, um fortzufahren.');
  await expect(customerPage.locator('#email-error')).not.toBeEmpty();

  await customerPage.getByLabel('E-Mail-Adresse').fill(contact);
  await customerPage.getByRole('checkbox', { name: `im Namen von ${company}` }).check();
  await customerPage.getByRole('button', { name: 'Vereinbarung akzeptieren' }).click();
  await expect(customerPage.getByRole('heading', { level: 1 })).toHaveText('Vielen Dank');
  await expect(customerPage.getByText('von Eva Berg akzeptiert')).toBeVisible();
  // The link has done its work: opening it again only says so.
  await customerPage.reload();
  await expect(customerPage.getByRole('button', { name: 'Vereinbarung akzeptieren' })).toHaveCount(0);
  await customer.close();

  // Green on the reseller's overview; gone from the red ones; the reseller got a mail.
  await mailTo(DEMO_RESELLER.email, `${company} hat die Cloud-Vereinbarung akzeptiert`);
  await page.goto('/agreements');
  await page.getByLabel('Kunden suchen').fill(company);
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  const row = page.getByRole('row', { name: company });
  await expect(row).toContainText('Akzeptiert');
  await expect(row).toContainText('von Eva Berg');
  await page.getByRole('checkbox', { name: 'Nur nicht akzeptierte' }).check();
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.locator('#agreement-count')).toContainText('Kein Kunde passt zu');
  await expect(page.getByRole('row', { name: company })).toHaveCount(0);
});

test('the reseller confirms an acceptance manually, with a date that is not in the future', async ({
  page,
}, testInfo) => {
  const company = uniqueName(testInfo, 'Bergblick');
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, company);
  await page.getByRole('link', { name: 'Cloud-Vereinbarung öffnen' }).click();

  const nextYear = `${new Date().getFullYear() + 1}-01-15`;
  await page.getByLabel('Vorname').fill('Eva');
  await page.getByLabel('Nachname').fill('Berg');
  await page.getByLabel('E-Mail-Adresse').fill('eva@berg.example');
  await page.getByLabel('Datum der Annahme').fill(nextYear);
  await page.getByRole('button', { name: 'Manuell bestätigen' }).click();
  await expect(page.locator('#date-error')).toHaveText('Das Datum darf nicht in der Zukunft liegen.');
  await expect(page.locator('#attest-error')).toHaveText('Bitte stimmen Sie zu, um fortzufahren.');
  await expect(page.locator('#agreement-status')).toContainText('noch nicht akzeptiert');

  await page.getByLabel('Datum der Annahme').fill('2026-01-15');
  await page.getByRole('checkbox', { name: 'Ich bestätige' }).check();
  await page.getByRole('button', { name: 'Manuell bestätigen' }).click();
  await expect(page.locator('#agreement-status')).toContainText('ist akzeptiert');
  const details = page.locator('#agreement-details');
  await expect(details).toContainText('Eva Berg <eva@berg.example>');
  await expect(details).toContainText('15.01.2026');
  await expect(details).toContainText(`manuell bestätigt von ${DEMO_RESELLER.email}`);
  await expect(page.locator('#history')).toContainText('Manuell bestätigt: akzeptiert von Eva Berg');
  await expect(page.getByRole('button', { name: 'Vereinbarung senden' })).toHaveCount(0);

  await page.getByRole('link', { name: company }).click();
  await expect(page.locator('#agreement-summary')).toContainText('Akzeptiert am 15.01.2026 von Eva Berg');
});
