import { expect, test } from './fixtures';
import { linkPath, mailTo } from './mail';
import { ADMIN, logIn, logInAs } from './session';

test('an admin invites a colleague, who chooses a password, and deactivates the account again', async ({
  page,
  browser,
}, testInfo) => {
  const colleague = `kollegin-${testInfo.project.name}-${Date.now()}@distributor.example`;
  const password = 'Neues Kennwort 7!';
  await logInAs(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Mitarbeiter', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mitarbeiter des Distributors');

  const invite = page.locator('section', { has: page.getByRole('heading', { name: 'Mitarbeiter einladen' }) });
  await invite.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
  await invite.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(invite.getByText('Zu dieser E-Mail-Adresse gibt es bereits ein Konto.')).toBeVisible();
  await invite.getByLabel('E-Mail-Adresse').fill(colleague);
  await invite.getByRole('button', { name: 'Einladung senden' }).click();
  const row = page.locator('#staff').getByRole('row', { name: colleague });
  await expect(row).toContainText('Eingeladen');

  // The colleague follows the link in a browser of their own.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'de-DE',
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const other = await context.newPage();
  const mail = await mailTo(colleague, 'Einladung in die Verwaltung von Kontor');
  await other.goto(linkPath(mail, '/invitation/'));
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Willkommen in der Verwaltung');
  await other.getByLabel('Neues Kennwort').fill(password);
  await other.getByLabel('Kennwort wiederholen').fill(password);
  await other.getByRole('button', { name: 'Kennwort festlegen' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Kennwort geändert');
  await logInAs(other, { email: colleague, password });
  await other.goto('/admin/staff');
  await expect(other.locator('#staff')).toContainText(ADMIN.email);

  await page.reload();
  await expect(row).toContainText('Aktiv');
  await row.getByRole('button', { name: 'Deaktivieren' }).click();
  await expect(row).toContainText('deaktiviert');

  // Their session ended at once, and the password opens nothing any more.
  await other.goto('/admin');
  await expect(other.getByText('Bitte melden Sie sich an')).toBeVisible();
  await logIn(other, colleague, password);
  await expect(other.getByRole('alert').first()).toContainText('E-Mail-Adresse oder Kennwort');
  await context.close();
});
