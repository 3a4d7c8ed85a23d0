import { expect, test } from '@playwright/test';
import { login, mainNav, screenshot } from './support';

test('switching to English changes the menu and is remembered', async ({ page }, testInfo) => {
  // desks list every section in menu order; phones show a leader's first four by priority, the rest under "More"
  const phone = testInfo.project.name === 'phone';
  const zh = phone ? ['排班', '值班', '核酸轮次', '住户'] : ['网格', '住户', '区域', '辖区分配', '导入', '值班', '排班', '测温', '告警', '核酸', '核酸轮次', '我的'];
  const en = phone
    ? ['Rota', 'Duty', 'Test rounds', 'Households']
    : ['Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Duty', 'Rota', 'Checks', 'Alerts', 'Sampling', 'Test rounds', 'Me'];
  await login(page, 'leader1');
  await expect(mainNav(page).getByRole('link')).toHaveText(zh);

  await page.getByText('English', { exact: true }).click();
  await expect(mainNav(page, 'Main navigation').getByRole('link')).toHaveText(en);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, testInfo, 'english');

  await page.reload();
  await expect(mainNav(page, 'Main navigation').getByRole('link')).toHaveText(en);
});
