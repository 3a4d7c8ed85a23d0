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

/**
 * Follows a section link of the main navigation. On a phone only the first tabs are in the bar;
 * the other sections sit under 更多 (More), which this opens first.
 */
export async function openSection(page: Page, name: string) {
  const link = mainNav(page).getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    await mainNav(page).getByRole('button', { name: /更多|More/ }).click();
    await page.getByRole('link', { name, exact: true }).click();
    return;
  }
  await link.click();
}

/** A masked mainland ID number as the API shows it: 110105********002X. */
export const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The ISO 7064 MOD 11-2 check character of the first 17 characters of a mainland ID number. */
export function idCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return '10X98765432'[sum % 11];
}

/** A valid, random, fake mainland ID number (Beijing Chaoyang, born 1950–1999). */
export function fakeIdNumber(): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const year = 1950 + Math.floor(Math.random() * 50);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  const first17 = `110105${year}${pad(month, 2)}${pad(day, 2)}${pad(Math.floor(Math.random() * 1000), 3)}`;
  return first17 + idCheckChar(first17);
}
