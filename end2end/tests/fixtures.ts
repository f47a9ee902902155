import { expect, test as base } from '@playwright/test';

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
      await use();
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
