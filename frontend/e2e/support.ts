import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
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

/** Runs axe (WCAG 2.x A and AA) and returns the serious and critical violations. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

interface Violation {
  documentURI: string;
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

declare global {
  interface Window {
    ggReportCsp?: (v: Violation) => Promise<void>;
  }
}

/** Collects the app origin's CSP violations of this page, across navigations (the Keycloak pages are not ours). */
export async function collectViolations(page: Page, appOrigin: string) {
  const events: Violation[] = [];
  const messages: string[] = [];
  await page.exposeFunction('ggReportCsp', (v: Violation) => {
    if (v.documentURI.startsWith(appOrigin)) events.push(v);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void window.ggReportCsp?.({
        documentURI: e.documentURI,
        violatedDirective: e.violatedDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
      });
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text()) && page.url().startsWith(appOrigin)) messages.push(`${page.url()}: ${m.text()}`);
  });
  return { events, messages };
}

/**
 * The API as `username`, with a token from Keycloak's password grant (the CLI client), on the app's origin: for
 * setting up and checking what the screens did. Each call expects a 2xx answer.
 */
export async function apiAs(request: APIRequestContext, username: string) {
  const config = (await (await request.get('/config.json')).json()) as { oidcAuthority: string };
  const answer = await request.post(`${config.oidcAuthority}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'gridguard-cli', username, password: PASSWORD },
  });
  expect(answer.ok(), 'password grant').toBeTruthy();
  const { access_token: token } = (await answer.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' };
  const ok = async <T>(what: string, r: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    expect(r.ok(), `${what}: ${r.status()} ${await r.text()}`).toBeTruthy();
    return (await r.json()) as T;
  };
  return {
    get: async <T>(path: string): Promise<T> => ok<T>(`GET ${path}`, await request.get(path, { headers })),
    post: async <T>(path: string, data: unknown): Promise<T> =>
      ok<T>(`POST ${path}`, await request.post(path, { headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() }, data })),
  };
}
