import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fakeIdNumber, login, openSection, screenshot } from './support';

/** The demo community's grid cell 3 and its compound (importable by code), BH-C001 (DemoCommunity.java). */
const CELL_CODE = 'BH-C001-G03';
const COMPOUND = 'BH-C001-XQ03';

async function cellCounts(page: Page) {
  await page.goto('/grid-cells');
  const search = page.getByLabel('按名称或编号搜索网格');
  await search.fill(CELL_CODE);
  await search.press('Enter');
  await expect(page.getByTestId('grid-cell-item')).toHaveCount(1);
  await page.getByTestId('grid-cell-item').click();
  const number = async (k: string) => Number((await page.getByTestId(`cell-count-${k}`).locator('.ant-statistic-content-value').innerText()).replace(/\D/g, '') || '0');
  await expect(page.getByTestId('cell-count-households')).toBeVisible();
  return { households: await number('households'), residents: await number('residents') };
}

test('a supervisor imports a census CSV: dry run, live progress to 100 %, counts change, error report downloads', async ({ page }, testInfo) => {
  const stamp = `E2E${Date.now().toString(36)}${testInfo.project.name}`;
  const good = [fakeIdNumber(), fakeIdNumber(), fakeIdNumber()];
  const valid = fakeIdNumber();
  const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const csv = [
    '小区,楼栋,门牌号,姓名,证件类型,身份证号,联系电话,与户主关系,人员类别,返乡来源地',
    `${COMPOUND},1栋,${stamp}-101,测试甲,居民身份证,${good[0]},13900000001,户主,,`, // line 2
    `${COMPOUND},1栋,${stamp}-101,测试乙,居民身份证,${good[1]},13900000002,配偶,独居老人,`, // line 3
    `${COMPOUND},1栋,${stamp}-102,测试丙,居民身份证,${good[2]},,户主,租户,`, // line 4
    `${COMPOUND},1栋,${stamp}-103,测试丁,居民身份证,${badCheck},13900000004,户主,,`, // line 5: wrong check character
    `不存在的小区,1栋,${stamp}-104,测试戊,居民身份证,${fakeIdNumber()},13900000005,户主,,`, // line 6: unknown compound
  ].join('\r\n');

  await login(page, 'supervisor', '/grid-cells');
  const before = await cellCounts(page);

  await openSection(page, '导入');
  await expect(page.getByRole('heading', { name: '导入摸排表' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: `${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') });
  await expect(page.getByText(`${stamp}.csv`)).toBeVisible();

  await page.getByRole('button', { name: '试运行（只检查，不写入）' }).click();
  const dry = page.getByTestId('dry-run');
  await expect(dry.getByTestId('import-valid')).toContainText('3', { timeout: 60_000 });
  await expect(dry.getByTestId('import-invalid')).toContainText('2');
  await expect(dry.getByTestId('import-wouldCreate')).toContainText('3');

  await dry.getByRole('button', { name: '导入 3 条有效记录' }).click();
  const run = page.getByTestId('import-run');
  await expect(run.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(run.getByText('导入完成。')).toBeVisible();
  await expect(run.getByTestId('import-created')).toContainText('3');
  await expect(run.getByTestId('import-householdsCreated')).toContainText('2');
  await screenshot(page, testInfo, 'import');

  const download = page.waitForEvent('download');
  await run.getByRole('button', { name: /下载错误报告/ }).click();
  const file = await (await download).path();
  const report = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const lines = report.trim().split(/\r?\n/);
  expect(lines[0]).toBe('行号,姓名,列,原因,级别');
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6']);
  expect(report).toContain('测试丁');
  expect(report).toContain('测试戊');

  const after = await cellCounts(page);
  expect(after.households).toBe(before.households + 2);
  expect(after.residents).toBe(before.residents + 3);
  await screenshot(page, testInfo, 'import-counts');
});
