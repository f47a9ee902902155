import { expect, test } from './fixtures';
import { DEMO_RESELLER, logInAs } from './session';

// The settings belong to the demo reseller, which both projects share: both store the same
// values, so that running side by side changes nothing for either.
const MPN = '1234567';
const MICROSOFT_ID = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';

test('a reseller stores its location MPN and Microsoft id and checks the MPA', async ({
  page,
}) => {
  await logInAs(page, DEMO_RESELLER);
  await page.getByRole('navigation').getByRole('link', { name: 'Microsoft-Partner' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft MPN + MPA');
  // With JavaScript: a click while the page is still hydrating can go nowhere (seen once in
  // CI); this spec is about the form, not that moment.
  await page.waitForLoadState('networkidle');

  // Wrong formats: each error next to its field, nothing typed is lost.
  await page.getByLabel('Standort-MPN').fill('123456');
  await page.getByLabel('Microsoft-ID').fill('3F2504E0-4F89');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByLabel('Standort-MPN')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#location_mpn-error')).toContainText('genau 7 Ziffern');
  await expect(page.locator('#microsoft_id-error')).toContainText('GUID');
  await expect(page.getByLabel('Microsoft-ID')).toHaveValue('3F2504E0-4F89');

  await page.getByLabel('Standort-MPN').fill(MPN);
  await page.getByLabel('Microsoft-ID').fill(MICROSOFT_ID);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status')).toHaveText('Gespeichert.');
  await expect(page.getByLabel('Standort-MPN')).toHaveAttribute('aria-invalid', 'false');
  // Stored, the GUID in lower case: a reload shows it.
  await page.reload();
  await expect(page.getByLabel('Standort-MPN')).toHaveValue(MPN);
  await expect(page.getByLabel('Microsoft-ID')).toHaveValue(MICROSOFT_ID.toLowerCase());

  await page.getByRole('button', { name: 'MPA prüfen' }).click();
  await expect(page.locator('#mpa-answer')).toContainText(
    `Das MPA ist für die MPN ${MPN} (Partner ${MPN}) akzeptiert.`,
  );
  await expect(page.getByText(/Geprüft am/)).toBeVisible();
});
