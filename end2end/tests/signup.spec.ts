import { expect, test } from './fixtures';
import { linkPath, MAIL_SINK, mailTo } from './mail';
import { ADMIN, logIn, logInAs } from './session';
import { CUSTOMER, fillSignup, newAddress, PASSWORD, submitAndConfirm } from './signup';

test('a newcomer signs up with a customer number, confirms by mail and logs in', async ({
  page,
}, testInfo) => {
  const customer = CUSTOMER[testInfo.project.name as keyof typeof CUSTOMER];
  const email = newAddress(testInfo, 'kunde');
  await fillSignup(page, {
    email,
    customerNumber: customer.number,
    postalCode: customer.postalCode,
    state: customer.state,
  });
  await submitAndConfirm(page, email);
  await expect(page.getByText('Ihr Konto ist aktiv')).toBeVisible();

  // Nobody at the distributor has looked at the account: staff are told, and confirm it.
  await expect
    .poll(async () => {
      const messages: { to: string; subject: string; text: string }[] = await (
        await fetch(`${MAIL_SINK}/messages`)
      ).json();
      return messages.some(
        (m) =>
          m.to === ADMIN.email &&
          m.subject.startsWith('Neues Händlerkonto über Kundennummer') &&
          m.text.includes(email),
      );
    })
    .toBe(true);
  await logInAs(page, ADMIN);
  await page.goto('/admin/resellers');
  await page.getByLabel('Reseller suchen').fill(email);
  await page.getByRole('button', { name: 'Suchen' }).click();
  // With JavaScript the search is a client-side navigation: wait for its result, not the list before it.
  await expect(page.locator('#reseller-count')).toHaveText('1 Reseller');
  await page.getByRole('link', { name: 'Berger IT GmbH' }).click();
  await expect(page.locator('#confirm-hint')).toContainText('1.000,00');
  await page.getByRole('button', { name: 'Konto bestätigen' }).click();
  await expect(page.locator('#history')).toContainText('Konto bestätigt');
  await expect(page.getByRole('button', { name: 'Konto bestätigen' })).toHaveCount(0);

  await logIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner')).toContainText(email);
});

test('a wrong customer number is marked at its field and nothing typed is lost', async ({
  page,
}, testInfo) => {
  const email = newAddress(testInfo, 'falsch');
  await fillSignup(page, { email, customerNumber: '999999' });
  await page.getByRole('button', { name: 'Konto erstellen' }).click();
  const field = page.getByLabel('Kundennummer');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#customer_number-error')).toHaveText(
    'Diese Kundennummer können wir mit dieser Postleitzahl nicht bestätigen. Prüfen Sie beide ' +
      'Angaben, oder lassen Sie das Feld leer und geben Sie Ihre Bankverbindung an.',
  );
  await expect(field).toHaveValue('999999');
  await expect(page.getByLabel('Firmenname')).toHaveValue('Berger IT GmbH');
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(email);
  await expect(page.getByLabel('Kennwort', { exact: true })).toHaveValue(
    testInfo.project.name === 'js' ? PASSWORD : '',
  );
});

test('without a customer number the distributor approves the reseller', async ({
  page,
}, testInfo) => {
  const email = newAddress(testInfo, 'neu');
  await fillSignup(page, { email });
  await submitAndConfirm(page, email);
  await expect(page.getByText('Der Distributor prüft nun Ihre Registrierung')).toBeVisible();

  await logIn(page, email, PASSWORD);
  await expect(page.getByRole('alert').first()).toContainText('wartet auf die Freigabe');

  await logIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole('banner')).toContainText(ADMIN.email);
  await page.goto('/admin');
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'Freigeben' }).click();
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();

  await mailTo(email, 'Ihr Konto ist freigeschaltet');
  await logIn(page, email, PASSWORD);
  await expect(page.getByRole('banner')).toContainText(email);
});

test('a forgotten password is reset through the mailed link', async ({ page }, testInfo) => {
  const email = newAddress(testInfo, 'vergesslich');
  await fillSignup(page, { email });
  await submitAndConfirm(page, email);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Kennwort vergessen?' }).click();
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByRole('button', { name: 'Link anfordern' }).click();
  await expect(page.getByText('Wenn zu dieser Adresse ein Konto gehört')).toBeVisible();

  const mail = await mailTo(email, 'Kennwort zurücksetzen');
  await page.goto(linkPath(mail, '/password/reset/'));
  const fresh = 'Frisches Kennwort 42?';
  await page.getByLabel('Neues Kennwort').fill(fresh);
  await page.getByLabel('Kennwort wiederholen').fill(fresh);
  await page.getByRole('button', { name: 'Kennwort speichern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kennwort geändert');

  // The new password is the right one: the answer is about the account, not the password.
  await logIn(page, email, fresh);
  await expect(page.getByRole('alert').first()).toContainText('wartet auf die Freigabe');
});
