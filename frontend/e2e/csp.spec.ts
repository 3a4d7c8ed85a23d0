import { expect, test, type Page } from '@playwright/test';
import config from '../playwright.config';
import { collectViolations, login } from './support';

/**
 * The web app passes its own Content-Security-Policy (issue 26 point 3, ADR 0027): a leader and a supervisor log
 * in on Keycloak and walk the main screens while every CSP violation the browser reports on the app's origin is
 * collected, from the page's `securitypolicyviolation` events and from Chromium's console messages. Any
 * violation fails the test. A deliberately injected inline script at the end shows that the collector works and
 * that script-src stays strict.
 */

/*
 * Certificate errors ignored altogether (as in temperature.spec.ts): otherwise Chromium refuses to register the
 * service worker from the self-signed origin, and its registration under worker-src would go unchecked.
 */
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--ignore-certificate-errors'] } });

/** Opens a screen by its address (a full load: the session must survive it) and waits for its heading. */
async function visit(page: Page, path: string, heading: string | RegExp) {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], `${path}: CSP`).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('a leader walks the main screens without a single CSP violation', async ({ page, baseURL }) => {
  const appOrigin = new URL(baseURL ?? 'https://localhost:8443').origin;
  const seen = await collectViolations(page, appOrigin);

  // the page's headers, fetched without running the app (which would redirect to Keycloak while login() navigates)
  const first = await page.request.get('/');
  const headers = first.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toBe('max-age=15552000');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toBe('no-cache');

  await login(page, 'leader1');
  await visit(page, '/grid-cells', '网格');
  await page.getByTestId('grid-cell-item').first().click();
  await expect(page.getByText('户数').first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  await visit(page, '/households', '住户');
  await page.getByTestId('household-item').first().click();
  await expect(page.getByRole('heading', { name: /门牌号/ })).toBeVisible();
  const resident = page.getByTestId('resident-item').first();
  if (await resident.isVisible()) {
    await resident.click();
    await expect(page.getByTestId('pii-ID_NUMBER')).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  await visit(page, '/households/new', '登记住户');
  await visit(page, '/imports', '导入摸排表');
  await visit(page, '/areas', '区域');
  await visit(page, '/assignments', '辖区分配');
  await visit(page, '/me', '我的信息');
  await visit(page, '/duty', '我的值班');
  await visit(page, '/duty-board', '排班');
  await visit(page, '/checkpoint', '测温登记');
  await visit(page, '/quarantine-visits', '隔离随访');
  await visit(page, '/watch-reports', '两测温漏报名单');
  await visit(page, '/alerts', '告警');
  await visit(page, '/sampling', '核酸采样');
  await visit(page, '/rounds', '核酸轮次');

  // The charts (echarts) and the service worker have run by now; tokens stayed in this tab's sessionStorage.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/sw\.js$/);
  expect(await page.evaluate(() => Object.keys(window.sessionStorage).some((k) => k.startsWith('oidc.user:')))).toBe(true);
  expect(seen.events, 'securitypolicyviolation events').toEqual([]);
  expect(seen.messages, 'console CSP messages').toEqual([]);

  // The collector works, and an injected inline script does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.ggInlineRan = true';
    document.head.appendChild(s);
    await new Promise((r) => setTimeout(r, 200));
    return (window as unknown as { ggInlineRan?: boolean }).ggInlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => seen.events.map((v) => v.violatedDirective)).toEqual(['script-src-elem']);
});

test('a supervisor sets up a round and signs out without a CSP violation', async ({ page, baseURL }) => {
  const appOrigin = new URL(baseURL ?? 'https://localhost:8443').origin;
  const seen = await collectViolations(page, appOrigin);
  await login(page, 'supervisor');
  await visit(page, '/rounds', '核酸轮次');
  await visit(page, '/rounds/new', /核酸|轮次/);
  await visit(page, '/grid-cells', '网格');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#username').waitFor();
  expect(seen.events, 'securitypolicyviolation events').toEqual([]);
  expect(seen.messages, 'console CSP messages').toEqual([]);
});
