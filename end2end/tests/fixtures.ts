import { expect, Page, test as base } from '@playwright/test';

// With JavaScript a page hydrates after it has loaded, and a click in that moment can land
// where a control stood an instant before (seen in CI: a submit that sent nothing). Every
// `goto` and `reload` therefore waits until the page has settled (no request for 500 ms),
// on every page of every context; without JavaScript that costs only the wait.
type Navigate = (this: Page, ...args: unknown[]) => Promise<unknown>;
function settleAfter(proto: Record<string, Navigate>, method: 'goto' | 'reload') {
  const navigate = proto[method];
  proto[method] = async function (this: Page, ...args: unknown[]) {
    const response = await navigate.apply(this, args);
    await this.waitForLoadState('networkidle');
    return response;
  };
}
let settling = false;

// Every test fails if the page logs an error or throws: a hydration mismatch or a panic in
// the browser shows up here, even when the page still looks right.
export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // Chromium logs every 4xx answer as an error; the portal gives them on purpose (a 404
        // page, a refused forgery, a wrong password). Script errors and CSP violations count.
        const expectedStatus = /^Failed to load resource: the server responded with a status of 4\d\d/;
        if (message.type() === 'error' && !expectedStatus.test(message.text())) {
          errors.push(message.text());
        }
      });
      if (!settling) {
        const proto = Object.getPrototypeOf(page);
        settleAfter(proto, 'goto');
        settleAfter(proto, 'reload');
        settling = true;
      }
      await use();
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
