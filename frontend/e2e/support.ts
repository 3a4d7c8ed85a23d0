import { expect, type Page, type TestInfo } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** The demo realm's password for every demo user (infra/keycloak/gridguard-realm.json). */
export const PASSWORD = process.env.GG_DEMO_PASSWORD ?? 'gridguard';

/** Opens the app and logs in on Keycloak's own page (authorization code + PKCE). */
export async function login(page: Page, username: string, path = '/') {
  await page.goto(path);
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  // Back in the app: the navigation is there once the code has been exchanged for tokens.
  await expect(page.getByRole('navigation').first()).toBeVisible();
}

const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/** Saves a full-page screenshot as test-results/screenshots/<scenario>-<project>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, scenario: string) {
  const path = `${SCREENSHOTS}${scenario}-${testInfo.project.name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(scenario, { path, contentType: 'image/png' });
}

/** The app's main navigation (side menu on desks, tab bar on phones). */
export const mainNav = (page: Page, name = '主导航') => page.getByRole('navigation', { name });
