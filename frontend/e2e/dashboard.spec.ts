import { expect, test, type Page } from '@playwright/test';
import { login, mainNav, screenshot, seriousViolations } from './support';

/**
 * 概览: every role lands on its dashboard (issue 20 part 5), on the viewport it works on: the worker on a phone,
 * the leader and the supervisor at a desk. Each tile opens the list behind its figure.
 */

async function tilesOpenTheirLists(page: Page) {
  const tiles = page.getByTestId('dashboard-tile');
  await expect(tiles.first()).toBeVisible();
  const hrefs = await tiles.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.every((h) => h.startsWith('/')), hrefs.join(' ')).toBe(true);
  return hrefs;
}

test('worker1 lands on today’s tasks on a phone: big tiles, the 概览 tab first, each tile opens its list', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'workers carry a phone');
  await login(page, 'worker1');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '今日任务' })).toBeVisible();
  await expect(mainNav(page).getByRole('link')).toHaveText(['概览', '值班', '测温', '隔离']);
  const hrefs = await tilesOpenTheirLists(page);
  // a thumb's target: full width and tall
  const box = await page.getByTestId('dashboard-tile').first().boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(80);
  expect(box?.width ?? 0).toBeGreaterThan(300);
  // a worker sees neither the alerts by kind nor the trends
  await expect(page.getByText('未处理告警')).toHaveCount(0);
  await expect(page.getByText('近 14 天趋势')).toHaveCount(0);
  expect(await seriousViolations(page), 'worker dashboard').toEqual([]);
  await screenshot(page, testInfo, 'dashboard-worker');

  await page.getByTestId('dashboard-tile').first().click();
  await expect(page).toHaveURL(new RegExp(`${(hrefs[0] ?? '').split('?')[0]}`));
});

test('leader1 lands on the zone at a glance: tiles, open alerts by kind and today’s reporting', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the zone overview is read at a desk');
  await login(page, 'leader1');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '片区概览' })).toBeVisible();
  await tilesOpenTheirLists(page);
  await expect(page.getByText('未处理告警')).toBeVisible();
  await expect(page.getByText('今日报送')).toBeVisible();
  await expect(page.getByTestId('own-status')).toBeVisible();
  const kinds = page.getByTestId('alert-kind-row');
  if ((await kinds.count()) > 0) expect(await kinds.first().getAttribute('href')).toMatch(/^\/alerts\?kind=[A-Z_]+$/);
  expect(await seriousViolations(page), 'leader dashboard').toEqual([]);
  await screenshot(page, testInfo, 'dashboard-leader');

  await page.getByRole('link', { name: '打开日报' }).click();
  await expect(page).toHaveURL(/\/reports\/daily\?areaId=[0-9a-f-]+&date=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('heading', { name: '日报', exact: true })).toBeVisible();
});

test('the supervisor lands on the community: children’s submissions, 14 days of trends per measure and the most overdue', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'supervisors work at a desk');
  await login(page, 'supervisor');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '辖区概览' })).toBeVisible();
  await tilesOpenTheirLists(page);
  await expect(page.getByText('今日报送')).toBeVisible();
  // the community's zones report to it: one status row each
  await expect(page.getByTestId('child-status').first()).toBeVisible();
  await expect(page.getByText('近 14 天趋势')).toBeVisible();
  const panels = page.getByTestId('trend-panel');
  await expect(panels.first()).toBeVisible();
  await expect(panels.first().getByRole('img', { name: /近 14 天/ })).toBeVisible();
  await expect(page.getByText('超时最久的事项')).toBeVisible();
  expect(await seriousViolations(page), 'supervisor dashboard').toEqual([]);
  await screenshot(page, testInfo, 'dashboard-supervisor');
});

test('the admin lands on the overview of everything (inspector1 keeps 检查: inspection-phone.spec)', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'one run is enough');
  await login(page, 'admin');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '辖区概览' })).toBeVisible();
  expect(await seriousViolations(page), 'admin dashboard').toEqual([]);
});
