import { expect, test } from '@playwright/test';
import { login, mainNav, screenshot } from './support';

// 告警 carries the count of open urgent alerts when there are any (a badge inside the link).
const DESK = {
  zh: ['概览', '日报', '网格', '住户', '区域', '辖区分配', '导入', '值班', '排班', '测温', '隔离', /^告警[\d+]*$/, '核酸', '核酸轮次', '隔离管理', '隔离点', '需求', '送货上门', '一对一关怀', '关怀', '复工企业', '消杀', '物资', '检查', '整改', '我的'],
  en: ['Overview', 'Daily report', 'Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Duty', 'Rota', 'Checks', 'Quarantine', /^Alerts[\d+]*$/, 'Sampling', 'Test rounds', 'Quarantine orders', 'Isolation sites', 'Needs', 'Deliveries', 'Care plans', 'Care', 'Enterprises', 'Disinfection', 'Supplies', 'Inspect', 'Findings', 'Me'],
};
// A phone holds at most five tabs: a leader's first four (the day, the rota, alerts, their shifts), the rest under
// "More" (in menu order).
const PHONE = {
  zh: ['概览', '排班', /^告警[\d+]*$/, '值班'],
  en: ['Overview', 'Rota', /^Alerts[\d+]*$/, 'Duty'],
  enMore: ['Daily report', 'Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Checks', 'Quarantine', 'Sampling', 'Test rounds', 'Quarantine orders', 'Isolation sites', 'Needs', 'Deliveries', 'Care plans', 'Care', 'Enterprises', 'Disinfection', 'Supplies', 'Inspect', 'Findings', 'Me'],
};

test('switching to English changes the menu and is remembered', async ({ page }, testInfo) => {
  const phone = testInfo.project.name === 'phone';
  await login(page, 'leader1');
  await expect(mainNav(page).getByRole('link')).toHaveText(phone ? PHONE.zh : DESK.zh);

  await page.getByText('English', { exact: true }).click();
  const nav = mainNav(page, 'Main navigation');
  await expect(nav.getByRole('link')).toHaveText(phone ? PHONE.en : DESK.en);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  if (phone) {
    await nav.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('navigation', { name: 'More sections' }).getByRole('link')).toHaveText(PHONE.enMore);
  }
  await screenshot(page, testInfo, 'english');

  await page.reload();
  await expect(mainNav(page, 'Main navigation').getByRole('link')).toHaveText(phone ? PHONE.en : DESK.en);
});
