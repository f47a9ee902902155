import { expect, test } from './fixtures';
import { mailTo } from './mail';
import { ADMIN, logIn, logInAs } from './session';
import { fillSignup, newAddress, PASSWORD, submitAndConfirm } from './signup';

test('staff find a waiting reseller, approve it, and lock it out again', async ({
  page,
  browser,
}, testInfo) => {
  // A signup, its confirmation, an approval and four logins (each an Argon2id hash on a debug
  // build sharing two cores with the browsers): ~27 s when the machine is quiet, too close to
  // the default 30 s.
  test.setTimeout(60_000);
  const email = newAddress(testInfo, 'wartend');
  await fillSignup(page, { email });
  await submitAndConfirm(page, email);

  await logInAs(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Reseller', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reseller');
  await page.getByLabel('Reseller suchen').fill(email);
  await page.getByLabel('Status').selectOption({ label: 'Wartet auf Freigabe' });
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page.locator('#reseller-count')).toHaveText('1 Reseller');
  await page.getByRole('link', { name: 'Berger IT GmbH' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berger IT GmbH');
  await expect(page.locator('#reseller-users')).toContainText(email);

  await page.getByRole('button', { name: 'Freigeben' }).click();
  await expect(page.locator('[data-standing]')).toHaveText('Aktiv');
  await expect(page.locator('#history')).toContainText('Registrierung freigegeben');
  await mailTo(email, 'Ihr Konto ist freigeschaltet');

  // The reseller works in a browser of its own while the distributor locks the account.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'de-DE',
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const reseller = await context.newPage();
  await logIn(reseller, email, PASSWORD);
  await expect(reseller.getByRole('banner')).toContainText(email);

  await page.getByRole('button', { name: 'Sperren' }).click();
  await expect(page.locator('[data-standing]')).toHaveText('Gesperrt');
  await expect(page.locator('#history')).toContainText('Konto gesperrt');

  await reseller.goto('/customers');
  await expect(reseller.getByText('Bitte melden Sie sich an')).toBeVisible();
  await logIn(reseller, email, PASSWORD);
  await expect(reseller.getByRole('alert').first()).toContainText('ist gesperrt');

  await page.getByRole('button', { name: 'Entsperren' }).click();
  await expect(page.locator('[data-standing]')).toHaveText('Aktiv');
  await logIn(reseller, email, PASSWORD);
  await expect(reseller.getByRole('banner')).toContainText(email);
  await context.close();
});
