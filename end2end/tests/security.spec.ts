import { expect, test } from './fixtures';

test('a form on another site cannot change anything here', async ({ page, baseURL }) => {
  // A page of no origin of ours, posting to Kontor: the classic cross-site request forgery.
  await page.setContent(
    `<form method="post" action="${baseURL}/language">
       <input type="hidden" name="lang" value="en"><input type="hidden" name="next" value="/">
       <button type="submit">Los</button>
     </form>`,
  );
  const refused = page.waitForResponse(`${baseURL}/language`);
  await page.getByRole('button', { name: 'Los' }).click();
  expect((await refused).status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anfrage abgelehnt');

  // Nothing changed: the portal still speaks German.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen bei Kontor');
});
