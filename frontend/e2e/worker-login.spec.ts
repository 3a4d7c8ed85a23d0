import { expect, test } from '@playwright/test';
import { login, mainNav, openSection, screenshot } from './support';

test('a grid worker logs in on Keycloak, sees their role and their one grid cell, and signs out', async ({ page }, testInfo) => {
  await login(page, 'worker1');

  // Workers land on their tasks of the day (概览) and see no assignments screen; on a phone the day and their daily
  // tools come first (four tabs and "More").
  const phone = testInfo.project.name === 'phone';
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(mainNav(page).getByRole('link')).toHaveText(phone ? ['概览', '值班', '测温', '隔离'] : ['概览', '网格', '住户', '区域', '值班', '测温', '隔离', '核酸', '需求', '送货上门', '关怀', '消杀', '我的']);

  if (phone) await mainNav(page).getByRole('button', { name: '更多' }).click();
  await page.getByRole('link', { name: '我的', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的信息' })).toBeVisible();
  await expect(page.getByTestId('me-username')).toHaveText('worker1');
  await expect(page.locator('[data-role="grid-worker"]')).toBeVisible();
  await screenshot(page, testInfo, 'me');

  await openSection(page, '网格');
  await expect(page.getByRole('heading', { name: '网格' })).toBeVisible();
  const cells = page.getByTestId('grid-cell-item');
  await expect(cells).toHaveCount(1);
  await screenshot(page, testInfo, 'grid-cells');

  await cells.first().click();
  await expect(page.getByText('户数').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '卡口' }).or(page.getByText('卡口').first())).toBeVisible();
  await screenshot(page, testInfo, 'grid-cell-detail');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#username').waitFor();
  expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
});
