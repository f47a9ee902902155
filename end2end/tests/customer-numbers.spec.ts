import { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, logInAs } from './session';
import { fillSignup, newAddress, submitAndConfirm } from './signup';

// A number no other test (or earlier run against the same database) uses: nine digits.
function newNumber(): string {
  return String(100_000_000 + Math.floor(Math.random() * 899_999_999));
}

async function search(page: Page, text: string) {
  await page.getByLabel('Suchen').fill(text);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${text}`));
}

async function upload(page: Page, csv: string) {
  await page.getByLabel('CSV-Datei').setInputFiles({
    name: 'kunden.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf-8'),
  });
  await page.getByRole('button', { name: 'Importieren' }).click();
}

test('staff add a customer number by hand and correct it', async ({ page }) => {
  const number = newNumber();
  await logInAs(page, ADMIN);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Kundennummern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kundennummern');

  const add = page.locator('section', { has: page.getByRole('heading', { name: 'Kundennummer hinzufügen' }) });
  await add.getByLabel('Kundennummer').fill(number);
  await add.getByLabel('Firma').fill('Keller Systemhaus');
  await add.getByLabel('PLZ').fill('123');
  await add.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(add.getByLabel('PLZ')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByText('Eine Postleitzahl hat 5 Ziffern')).toBeVisible();
  // What was typed is still there.
  await expect(add.getByLabel('Firma')).toHaveValue('Keller Systemhaus');
  await add.getByLabel('PLZ').fill('80331');
  await add.getByRole('button', { name: 'Hinzufügen' }).click();
  // The list comes back searched for the new entry, and the form is empty for the next one.
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await expect(page.locator('#registry-count')).toHaveText('1 Kundennummer');
  await expect(add.getByLabel('Kundennummer')).toHaveValue('');
  await expect(page.locator('#registry')).toContainText('noch keins');
  await page.locator('#registry').getByRole('link', { name: 'Bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kundennummer ${number}`);
  await page.getByLabel('Firma').fill('Keller Systemhaus GmbH');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kundennummern');
  await expect(page.locator('#registry')).toContainText('Keller Systemhaus GmbH');

  // Both changes are in the audit log, with who made them and from where.
  await page.getByRole('link', { name: 'Protokoll' }).click();
  await page.getByLabel('Bereich', { exact: true }).selectOption({ label: 'Kundennummern' });
  await page.getByLabel('Wer').fill(ADMIN.email);
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page).toHaveURL(/area=customer_numbers/);
  const log = page.locator('#audit-log');
  await expect(log).toContainText(`Kundennummer ${number} (Keller Systemhaus GmbH) geändert`);
  await expect(log).toContainText(`Kundennummer ${number} (Keller Systemhaus) hinzugefügt`);
  await expect(log).toContainText('127.0.0.1');
  await expect(log).not.toContainText('Konto gesperrt');
});

test('a list imported by CSV is checked whole, and a signup with an imported number is active at once', async ({
  page,
  browser,
}, testInfo) => {
  const [first, second] = [newNumber(), newNumber()];
  await logInAs(page, ADMIN);
  await page.goto('/admin/customer-numbers');

  await upload(page, `Kundennummer;Firma;PLZ\n${first};Lang KG;20095\n${second};Lang Zwei;200\n`);
  const refused = page.locator('#import-refused');
  await expect(refused).toContainText('nichts wurde gespeichert');
  await expect(refused).toContainText('Zeile 3 PLZ: Eine Postleitzahl hat 5 Ziffern');
  await search(page, first);
  await expect(page.locator('#registry-count')).toHaveText('Keine Kundennummer gefunden.');

  await upload(page, `Kundennummer;Firma;PLZ\n${first};Lang KG;20095\n${second};Lang & Partner;20095\n`);
  await expect(page.locator('#import-outcome')).toContainText(
    'Importiert: 2 neu, 0 geändert, 0 unverändert.',
  );
  await search(page, second);
  await expect(page.locator('#registry')).toContainText('Lang & Partner');

  // The registry is what a signup is matched against: the imported number opens the account.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'de-DE',
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const newcomer = await context.newPage();
  const email = newAddress(testInfo, 'importiert');
  await fillSignup(newcomer, { email, customerNumber: second, postalCode: '20095', state: 'Hamburg' });
  await submitAndConfirm(newcomer, email);
  await expect(newcomer.getByText('Ihr Konto ist aktiv')).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.locator('#registry')).toContainText('Berger IT GmbH');
});
