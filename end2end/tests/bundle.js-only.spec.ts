import { expect, Page, Request } from '@playwright/test';
import { test } from './fixtures';
import { ADMIN, DEMO_RESELLER, logInAs } from './session';

// Runs in the `js` project only (see playwright.config.ts).

/// The wasm files only the administration uses: its group's own module and the chunks no
/// other group lists (`__wasm_split_manifest.json`, written by `cargo leptos build --split`).
async function staffOnlyFiles(page: Page): Promise<string[]> {
  const response = await page.request.get('/pkg/__wasm_split_manifest.json');
  expect(response.ok()).toBe(true);
  const manifest: Record<string, string[]> = await response.json();
  const staff = Object.keys(manifest).filter((group) => group.startsWith('staff_pages'));
  expect(staff).toHaveLength(1);
  const elsewhere = new Set(
    Object.entries(manifest)
      .filter(([group]) => group !== staff[0])
      .flatMap(([, chunks]) => chunks),
  );
  const only = manifest[staff[0]].filter((chunk) => !elsewhere.has(chunk));
  return [`split_${staff[0]}.wasm`, ...only.map((chunk) => `${chunk}.wasm`)];
}

function wasmRequests(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request: Request) => {
    const match = request.url().match(/\/pkg\/([^/?]+\.wasm)$/);
    if (match) files.push(match[1]);
  });
  return files;
}

test("a reseller's pages never load the administration's code; staff pages do", async ({
  page,
  browser,
}, testInfo) => {
  const staffOnly = await staffOnlyFiles(page);
  const requested = wasmRequests(page);
  await logInAs(page, DEMO_RESELLER);
  for (const path of ['/', '/customers', '/agreements', '/products', '/cart', '/orders']) {
    await page.goto(path);
  }
  // From the ordering pages' chunk to the customer pages', in the page: the router loads it.
  await page.getByRole('navigation').getByRole('link', { name: 'Kunden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kunden');
  expect(requested).toContain('kontor.wasm');
  expect(requested.filter((file) => staffOnly.includes(file))).toEqual([]);

  // The same check sees the administration's code where it is used.
  const staff = await browser.newPage({ baseURL: testInfo.project.use.baseURL, locale: 'de-DE' });
  const staffRequested = wasmRequests(staff);
  await logInAs(staff, ADMIN);
  await staff.goto('/admin/resellers');
  expect(staffRequested).toContain(staffOnly[0]);
  await staff.close();
});
