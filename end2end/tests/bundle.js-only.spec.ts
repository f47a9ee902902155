import { expect, Page, Request } from '@playwright/test';
import { test } from './fixtures';
import { ADMIN, DEMO_RESELLER, logInAs } from './session';

// Runs in the `js` project only (see playwright.config.ts).

/// The administration's islands, as `cargo leptos build --split` names their chunks in
/// `__wasm_split_manifest.json` (`<island>_loader_<hash>`).
const STAFF_ISLANDS = [
  'staff_invitation',
  'new_registry_entry',
  'registry_entry_editor',
  'new_contact',
  'new_product_form',
  'product_change_form',
  'category_editor',
  'new_category',
  'announcement_editor_form',
];

/// The wasm files only the administration's islands use: their own modules and the chunks
/// no other island lists.
async function staffOnlyFiles(page: Page): Promise<string[]> {
  const response = await page.request.get('/pkg/__wasm_split_manifest.json');
  expect(response.ok()).toBe(true);
  const manifest: Record<string, string[]> = await response.json();
  const isStaff = (key: string) =>
    STAFF_ISLANDS.some((island) => new RegExp(`^${island}_loader_\\d+$`).test(key));
  const staff = Object.keys(manifest).filter(isStaff);
  expect(staff).toHaveLength(STAFF_ISLANDS.length);
  const elsewhere = new Set(
    Object.entries(manifest)
      .filter(([key]) => !isStaff(key))
      .flatMap(([, chunks]) => chunks),
  );
  return staff.flatMap((key) => [
    `split_${key}.wasm`,
    ...manifest[key].filter((chunk) => !elsewhere.has(chunk)).map((chunk) => `${chunk}.wasm`),
  ]);
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
  // Pages with islands of their own (forms that check as they are typed) and without.
  for (const path of ['/', '/customers', '/customers/new', '/products', '/cart', '/settings/microsoft']) {
    await page.goto(path);
  }
  expect(requested).toContain('kontor.wasm');
  expect(requested.some((file) => file.startsWith('split_customer_form_view_loader_'))).toBe(true);
  expect(requested.filter((file) => staffOnly.includes(file))).toEqual([]);

  // The same check sees the administration's code where it is used.
  const staff = await browser.newPage({ baseURL: testInfo.project.use.baseURL, locale: 'de-DE' });
  const staffRequested = wasmRequests(staff);
  await logInAs(staff, ADMIN);
  await staff.goto('/admin/staff');
  expect(staffRequested.some((file) => file.startsWith('split_staff_invitation_loader_'))).toBe(true);
  await staff.close();
});
