import { expect, test } from '@playwright/test';
import { login, mainNav, screenshot } from './support';

test('switching to English changes the menu and is remembered', async ({ page }, testInfo) => {
  await login(page, 'leader1');
  await expect(mainNav(page).getByRole('link')).toHaveText(['网格', '住户', '区域', '辖区分配', '导入', '值班', '排班', '测温', '告警', '我的']);

  await page.getByText('English', { exact: true }).click();
  await expect(mainNav(page, 'Main navigation').getByRole('link')).toHaveText(['Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Duty', 'Rota', 'Checks', 'Alerts', 'Me']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, testInfo, 'english');

  await page.reload();
  await expect(mainNav(page, 'Main navigation').getByRole('link')).toHaveText(['Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Duty', 'Rota', 'Checks', 'Alerts', 'Me']);
});
