import { expect, test } from './fixtures';
import { DEMO_RESELLER, logInAs } from './session';

// Runs in the `js` project only: the checks while typing need the hydrated page.
test('the customer form checks each field as it is left, before anything is sent', async ({
  page,
}) => {
  await logInAs(page, DEMO_RESELLER);
  await expect(page.getByRole('link', { name: 'Kunden', exact: true })).toBeVisible();
  await page.goto('/customers/new');
  await page.waitForLoadState('networkidle');
  const email = page.getByLabel('E-Mail des Ansprechpartners');
  await email.fill('jonas@');
  await email.blur();
  await expect(page.locator('#contact_email-error')).not.toBeEmpty();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('jonas@sonne.example');
  await expect(page.locator('#contact_email-error')).toBeEmpty();
  // Switching the country re-checks the postal code against it.
  await page.getByLabel('Postleitzahl').fill('1010');
  await page.getByLabel('Postleitzahl').blur();
  await expect(page.locator('#postal_code-error')).not.toBeEmpty();
  await page.getByLabel('Land', { exact: true }).selectOption({ label: 'Österreich' });
  await expect(page.locator('#postal_code-error')).toBeEmpty();
});
