import { expect, test } from './fixtures';
import { ADMIN, DEMO_RESELLER, logInAs } from './session';

/// `2026-12-05T22:00` for a moment `hours` from now, in German time, as the field takes it.
function germanLocal(hours: number): string {
  const at = new Date(Date.now() + hours * 3600_000);
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return parts.replace(' ', 'T');
}

function today(): string {
  return germanLocal(0).slice(0, 10);
}

test('staff publish a maintenance notice and resellers see it on their start page', async ({
  browser,
  page,
}, testInfo) => {
  const title = `Wartung ${testInfo.project.name} ${Date.now()}`;
  await logInAs(page, ADMIN);
  await page.goto('/admin/announcements');
  await page.getByRole('link', { name: 'Neue Mitteilung' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neue Mitteilung');

  // A first try without a title and with the window the wrong way round is refused, field
  // by field, and nothing typed is lost.
  await page.getByLabel('Art').selectOption({ label: 'Wartung' });
  await page.getByLabel('Text (Deutsch)').fill('Das Portal ist **kurz** nicht erreichbar.');
  await page.getByLabel('Titel (Englisch)').fill('Maintenance');
  await page.getByLabel('Text (Englisch)').fill('The portal is briefly unavailable.');
  await page.getByLabel('Sichtbar ab').fill(today());
  await page.getByLabel('Beginn').fill(germanLocal(6));
  await page.getByLabel('Ende').fill(germanLocal(5));
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.locator('#title_de-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
  await expect(page.locator('#maintenance_until-error')).toContainText('nach');
  await expect(page.getByLabel('Text (Deutsch)')).toHaveValue(
    'Das Portal ist **kurz** nicht erreichbar.',
  );

  await page.getByLabel('Titel (Deutsch)').fill(title);
  await page.getByLabel('Ende').fill(germanLocal(8));
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page).toHaveURL(/\/admin\/announcements$/);
  await expect(page.locator('#announcements')).toContainText(title);

  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'de-DE',
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  const reseller = await context.newPage();
  await logInAs(reseller, DEMO_RESELLER);
  await reseller.goto('/');
  await expect(reseller.locator('.maintenance-banner').filter({ hasText: title })).toBeVisible();
  const card = reseller.locator('article').filter({ hasText: title });
  await expect(card.locator('strong')).toHaveText('kurz');
  await context.close();
});

test('a reseller start page counts what needs attention and links to it', async ({ page }) => {
  await logInAs(page, DEMO_RESELLER);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Willkommen');
  const counters = page.getByRole('navigation', { name: 'Auf einen Blick' });
  await counters.getByRole('link', { name: /Partnerstatus rot/ }).click();
  await expect(page).toHaveURL(/\/microsoft-customers\?colour=red$/);
  await expect(page.getByLabel('Partnerstatus')).toHaveValue('red');
});
