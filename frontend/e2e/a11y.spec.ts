import { expect, test } from '@playwright/test';
import { login, screenshot, seriousViolations } from './support';

test('worker screens have no serious accessibility violations', async ({ page }, testInfo) => {
  await login(page, 'worker1', '/grid-cells');
  await expect(page.getByTestId('grid-cell-item')).toHaveCount(1);
  expect(await seriousViolations(page), 'grid cells').toEqual([]);

  await page.getByTestId('grid-cell-item').click();
  await expect(page.getByText('户数').first()).toBeVisible();
  expect(await seriousViolations(page), 'grid cell detail').toEqual([]);

  await page.goto('/areas');
  await expect(page.locator('.gg-tree')).toBeVisible();
  expect(await seriousViolations(page), 'area tree').toEqual([]);
  await screenshot(page, testInfo, 'areas');

  await page.goto('/me');
  await expect(page.getByTestId('me-username')).toBeVisible();
  expect(await seriousViolations(page), 'me').toEqual([]);
});

test('the assignments screen and its form have no serious accessibility violations', async ({ page }, testInfo) => {
  await login(page, 'admin', '/assignments');
  await expect(page.getByRole('heading', { name: '辖区分配' })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  expect(await seriousViolations(page), 'assignments').toEqual([]);
  await screenshot(page, testInfo, 'assignments');

  await page.getByRole('button', { name: '新增分配' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请输入账号。')).toBeVisible();
  expect(await seriousViolations(page), 'assignment form').toEqual([]);
  await screenshot(page, testInfo, 'assignment-form');
});

test('census screens (households, household, resident, household form) have no serious accessibility violations', async ({ page }, testInfo) => {
  await login(page, 'worker1', '/households');
  await expect(page.getByTestId('household-item').first()).toBeVisible();
  expect(await seriousViolations(page), 'households').toEqual([]);

  await page.getByTestId('household-item').first().click();
  await expect(page.getByRole('heading', { name: /门牌号/ })).toBeVisible();
  await expect(page.getByText('摸排核查')).toBeVisible();
  await expect(page.getByTestId('resident-item').first().or(page.getByText('该户暂无登记居民。'))).toBeVisible();
  expect(await seriousViolations(page), 'household detail').toEqual([]);
  await screenshot(page, testInfo, 'a11y-household');

  if ((await page.getByTestId('resident-item').count()) > 0) {
    await page.getByTestId('resident-item').first().click();
    await expect(page.getByTestId('pii-ID_NUMBER')).toBeVisible();
    expect(await seriousViolations(page), 'resident detail').toEqual([]);
  }

  await page.goto('/households/new');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请输入门牌号。')).toBeVisible();
  expect(await seriousViolations(page), 'household form').toEqual([]);
});

test('the import wizard has no serious accessibility violations', async ({ page }, testInfo) => {
  await login(page, 'supervisor', '/imports');
  await expect(page.getByRole('heading', { name: '导入摸排表' })).toBeVisible();
  expect(await seriousViolations(page), 'import wizard').toEqual([]);
  await screenshot(page, testInfo, 'a11y-import');
});
