import { createCustomer, uniqueName } from './customer';
import { expect, test } from './fixtures';
import { linkPath, mailTo } from './mail';
import { DEMO_RESELLER, logInAs } from './session';

const GREEN = '✓ Grün – Ihnen als Vertriebspartner zugeordnet';
const ORANGE = '◐ Orange – einem anderen Vertriebspartner zugeordnet';
const RED = '✗ Rot – keinem Vertriebspartner zugeordnet';

// The demo reseller comes with its MPN and Microsoft id, and three demo customers whose
// tenants the simulated provider links to it, to another reseller and to none. Checking them
// changes nothing at the provider: both projects can run this side by side.
test('the demo customers show all three colours, with icon and words, and filter by colour', async ({
  page,
}) => {
  await logInAs(page, DEMO_RESELLER);
  await page.getByRole('navigation').getByRole('link', { name: 'Microsoft-Kunden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microsoft-Kunden');
  await expect(page.getByRole('region', { name: 'Legende' })).toContainText('Orange');
  // The demo tenants are ready a few seconds after the server started.
  const rows = {
    'Bäckerei Sonnenschein': RED,
    'Autohaus Kraft': GREEN,
    'Hotel Seeblick': ORANGE,
  };
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
  await expect(async () => {
    await page.reload();
    for (const name of Object.keys(rows)) {
      await expect(row(name)).toBeVisible({ timeout: 1_000 });
    }
  }).toPass({ timeout: 30_000 });

  for (const [name, status] of Object.entries(rows)) {
    await row(name).getByRole('button', { name: 'Vertriebspartnerschaft überprüfen' }).click();
    await expect(row(name)).toContainText(status);
    await expect(row(name)).toContainText('Geprüft am');
  }
  // Linked to this reseller: nothing to invite to.
  await expect(row('Autohaus Kraft').getByRole('button', { name: 'Einladung senden' })).toHaveCount(0);

  await page.getByLabel('Partnerstatus').selectOption({ label: GREEN });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(row('Autohaus Kraft')).toBeVisible();
  await expect(row('Bäckerei Sonnenschein')).toHaveCount(0);
  await page.getByLabel('Partnerstatus').selectOption({ label: RED });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(row('Bäckerei Sonnenschein')).toBeVisible();
  await expect(row('Autohaus Kraft')).toHaveCount(0);
  await expect(row('Hotel Seeblick')).toHaveCount(0);
});

test('a customer that removed its reseller turns red, gets an invitation, accepts it and turns green', async ({
  page,
}, testInfo) => {
  // A tenant set up, two logins at the provider, two mails and five checks: 34 s in a CI run on
  // two busy cores, past the default 30 s.
  test.slow();
  const company = uniqueName(testInfo, 'Einladung');
  const prefix = `einl${testInfo.project.name.replace('-', '')}${Date.now()}`;
  const contact = `it-${prefix}@kunde.example`;
  await logInAs(page, DEMO_RESELLER);
  await createCustomer(page, company, contact);
  await page.getByRole('link', { name: 'Einstellungen für weitere Dienste' }).click();
  await page.getByLabel('Domänenpräfix').fill(prefix);
  await page.getByRole('button', { name: 'Einrichten' }).click();
  await expect(page.getByText('Der Tenant ist bereit.')).toBeVisible({ timeout: 20_000 });

  // Created for the demo reseller, the tenant is linked to it.
  await page.goto('/microsoft-customers');
  const row = page.getByRole('row', { name: new RegExp(company) });
  await expect(row).toContainText('Noch keine');
  await row.getByRole('button', { name: 'Vertriebspartnerschaft überprüfen' }).click();
  await expect(row).toContainText(GREEN);

  // The customer's admin removes the reseller in the provider's admin centre: red.
  const admin = `admin@${prefix}.onmicrosoft.com`;
  await page.goto('/provider-sim/partners');
  await page.getByLabel('E-Mail-Adresse des globalen Administrators').fill(admin);
  await page.getByLabel('Kennwort').fill('Kunde#2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: /^Partner .* entfernen$/ }).click();
  await expect(page.getByText('Keine indirekten Reseller.')).toBeVisible();
  await page.goto('/microsoft-customers');
  await row.getByRole('button', { name: 'Vertriebspartnerschaft überprüfen' }).click();
  await expect(row).toContainText(RED);

  await row.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(row).toContainText('Gesendet am');
  await expect(page.getByRole('status')).toContainText(`Einladung an ${company} gesendet.`);
  // A second one so soon is refused, with the wait, and sends nothing.
  await row.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(page.getByRole('alert')).toContainText('Minute');

  // The customer's admin follows the mailed link to the provider's page and confirms.
  const mail = await mailTo(contact, 'Demo Systemhaus GmbH bittet um Bestätigung als Vertriebspartner');
  await page.goto(linkPath(mail, '/provider-sim/invitations/'));
  await page.getByLabel('E-Mail-Adresse des globalen Administrators').fill(admin);
  await page.getByLabel('Kennwort').fill('Kunde#2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText(`${prefix}.onmicrosoft.com`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Indirekten Reseller bestätigen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bestätigt');

  await page.goto('/microsoft-customers');
  await row.getByRole('button', { name: 'Vertriebspartnerschaft überprüfen' }).click();
  await expect(row).toContainText(GREEN);
  await expect(row.getByRole('button', { name: 'Einladung senden' })).toHaveCount(0);
});
