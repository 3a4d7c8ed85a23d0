import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, collectViolations, fakeIdNumber, login, openSection, screenshot, seriousViolations } from './support';

/**
 * 隔离管理 on a desk (issue 17 part 7), on the real stack: leader1 puts a resident of their zone under home isolation
 * with the resident picker, finds the order in the list, extends it, releases it, downloads the release notice (a
 * PDF), and anyone — a fresh browser, no login — checks the notice's number and code at /verify; a made-up code is
 * not genuine. Axe finds nothing serious on the list and the detail, and the app reports no CSP violation.
 *
 * Re-runnable on the same stack at any hour: the resident is registered for this run (a fake ID number, so no order
 * exists for them yet), and every date is derived from what the API answered, never from the test's clock.
 */
test.describe.configure({ mode: 'serial' });

interface Order {
  id: string;
  number: string;
  status: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  noticeCode?: string;
  person: { name: string };
}

/** A name unique enough for one run: 隔离演练 and three of the ten heavenly stems. */
function residentName(): string {
  const stems = '甲乙丙丁戊己庚辛壬癸';
  return `隔离演练${Array.from({ length: 3 }, () => stems[Math.floor(Math.random() * stems.length)]).join('')}`;
}

/** A date (YYYY-MM-DD) some days later, calendar arithmetic only. */
function plusDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const dialog = (page: Page) => page.getByRole('dialog');
const datesOf = (page: Page) => page.locator('.ant-descriptions-item').filter({ hasText: '起止日期' }).locator('.ant-descriptions-item-content');

test('leader1 creates, extends and releases a home isolation; the release notice is a PDF that /verify accepts', async ({ page, browser, request, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the quarantine desk is worked on a desk');
  test.setTimeout(240_000);
  const appOrigin = new URL(baseURL ?? 'https://localhost:8443').origin;
  const csp = await collectViolations(page, appOrigin);
  const api = await apiAs(request, 'leader1');

  // A resident of leader1's zone, registered for this run: no order can exist for them.
  const households = await api.get<{ items: { id: string }[] }>('/api/v1/households?limit=5');
  expect(households.items.length, 'leader1 has households').toBeGreaterThan(0);
  const name = residentName();
  const idNumber = fakeIdNumber();
  const resident = await api.post<{ id: string }>('/api/v1/residents', { householdId: households.items[0].id, name, idNumber, relation: '其他' });

  // 1. The orders screen from the menu; a new home isolation for the resident found with the picker.
  await login(page, 'leader1', '/');
  await openSection(page, '隔离管理');
  await expect(page).toHaveURL(/\/quarantines$/);
  await expect(page.getByRole('heading', { name: '隔离管理' })).toBeVisible();
  await page.getByRole('button', { name: '新建隔离' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新建隔离令' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('textbox', { name: '身份证号或手机号' }).fill(idNumber);
  await drawer.getByRole('button', { name: /^搜\s*索$/ }).click();
  await drawer.getByRole('radio', { name: new RegExp(`^${name} · `) }).check();
  await expect(drawer.locator('.ant-select').filter({ hasText: '居家隔离' }).first()).toBeVisible(); // the kind, by default
  await drawer.getByRole('button', { name: /^创\s*建$/ }).click();

  // The new order opens; its id is in the address.
  await expect(page).toHaveURL(/\/quarantines\/[0-9a-f-]{36}$/);
  const orderId = page.url().split('/').pop() ?? '';
  const created = await api.get<Order>(`/api/v1/quarantines/${orderId}`);
  expect(created).toMatchObject({ status: 'ACTIVE', kind: 'HOME_ISOLATION', person: { name, residentId: resident.id } });

  // In the list (active orders, newest first), then its detail from there.
  await page.getByRole('link', { name: /隔离管理/ }).first().click();
  await expect(page).toHaveURL(/\/quarantines$/);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: created.number, exact: true }) });
  await expect(row).toContainText(name);
  await expect(row).toContainText('居家隔离');
  await expect(row).toContainText('执行中');
  await expect(row).toContainText(`${created.startsOn} – ${created.endsOn}`);
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'orders list').toEqual([]);
  await screenshot(page, testInfo, 'quarantine-desk-list');

  await row.getByRole('link', { name: created.number, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/quarantines/${orderId}$`));
  await expect(page.getByRole('heading', { name: `${created.number} · ${name}` })).toBeVisible();
  await expect(datesOf(page)).toHaveText(`${created.startsOn} – ${created.endsOn}`);
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'order detail').toEqual([]);

  // 2. Extended by three days: the end date changes on the screen and in the API.
  const newEnd = plusDays(created.endsOn, 3);
  await page.getByRole('button', { name: /^延\s*期$/ }).click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByLabel('新的结束日期').fill(newEnd);
  await dialog(page).getByLabel('新的结束日期').press('Enter');
  await dialog(page).getByLabel('原因').fill('核酸结果未出，延长观察');
  await dialog(page).getByRole('button', { name: /^延\s*期$/ }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(datesOf(page)).toHaveText(`${created.startsOn} – ${newEnd}`);
  expect((await api.get<Order>(`/api/v1/quarantines/${orderId}`)).endsOn).toBe(newEnd);
  await expect(page.locator('.ant-timeline')).toContainText('延期');

  // Released, with a reason: the status reads 已解除.
  await page.getByRole('button', { name: /^解\s*除$/ }).click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByLabel('原因').fill('期满解除');
  await dialog(page).getByRole('button', { name: /^解\s*除$/ }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.locator('.gg-page-head').getByText('已解除', { exact: true })).toBeVisible();
  const released = await api.get<Order>(`/api/v1/quarantines/${orderId}`);
  expect(released.status).toBe('RELEASED');
  expect(released.noticeCode, 'a released order has a notice code').toBeTruthy();
  const code = released.noticeCode ?? '';

  // 3. The release notice: a PDF, and its code on the screen.
  const notice = page.locator('.gg-q-notice');
  await expect(notice).toBeVisible();
  await expect(page.getByTestId('notice-code')).toContainText(code);
  const pdf = page.waitForResponse((r) => r.url().includes(`/api/v1/quarantines/${orderId}/release-notice.pdf`));
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: /下载 PDF/ }).click();
  const answer = await pdf;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^application\/pdf/);
  const file = await (await download).path();
  expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'released order with its notice').toEqual([]);
  await screenshot(page, testInfo, 'quarantine-desk-released');
  expect(csp.events, 'securitypolicyviolation events').toEqual([]);
  expect(csp.messages, 'console CSP messages').toEqual([]);

  // The check anyone can make (a fresh browser, no login): genuine, with the community and dates, nothing personal.
  const stranger = await browser.newContext({ baseURL, ignoreHTTPSErrors: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const visitor = await stranger.newPage();
    const visitorCsp = await collectViolations(visitor, appOrigin);
    await visitor.goto(`/verify?number=${encodeURIComponent(released.number)}&code=${encodeURIComponent(code)}`);
    await expect(visitor.getByRole('heading', { name: '解除告知书验证' })).toBeVisible();
    const result = visitor.locator('.ant-result');
    await expect(result).toContainText('告知书真实有效');
    await expect(result).toContainText(released.number);
    await expect(result).toContainText(released.startsOn);
    await expect(result).toContainText('解除日期');
    await expect(visitor.locator('body')).not.toContainText(name);
    await expect(visitor).toHaveURL(/\/verify\?/);
    expect(await seriousViolations(visitor), 'verify page').toEqual([]);
    await screenshot(visitor, testInfo, 'quarantine-desk-verify');

    // A made-up code, typed in the form: not genuine.
    await visitor.getByLabel('校验码').fill('ZZZZ-0000');
    await visitor.getByRole('button', { name: /^验\s*证$/ }).click();
    await expect(visitor).toHaveURL(/code=ZZZZ-0000/);
    await expect(result).toContainText('告知书无效');
    await expect(result).not.toContainText(released.startsOn);
    expect(visitorCsp.events, 'verify: securitypolicyviolation events').toEqual([]);
    expect(visitorCsp.messages, 'verify: console CSP messages').toEqual([]);
  } finally {
    await stranger.close();
  }
});
