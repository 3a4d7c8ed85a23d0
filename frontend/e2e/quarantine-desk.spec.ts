import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { login, screenshot } from './support';

/**
 * The leader's quarantine desk (issue 17 part 7), on a desk: leader1 puts a resident of their zone under home isolation
 * (found with the census search by the ID number they reveal), extends the order, releases it, downloads the release
 * notice (a real PDF), and the public /verify page, without login, answers genuine for the notice's number and code.
 */
test.describe.configure({ mode: 'serial' });

function sql(query: string): string {
  return execFileSync(
    'psql',
    ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', process.env.GG_PG_PORT ?? '15433', '-U', process.env.GG_DB_USER ?? 'gridguard', '-d', 'gridguard', '-c', query],
    { env: { ...process.env, PGPASSWORD: process.env.GG_DB_PASSWORD ?? 'gridguard' }, encoding: 'utf8' },
  ).trim();
}

/** A living adult of leader1's zone with a mainland ID number and no active order. */
function someoneOfZone1(): string {
  const id = sql(`
    select r.id from resident r join area_node an on an.id = r.area_id join area_node z on z.code = 'BH-C001-Z1'
    where an.path like z.path || '%' and r.status = 'LIVING' and r.id_type = 'MAINLAND_ID' and r.id_cipher is not null
      and not exists (select 1 from quarantine_order o where o.resident_id = r.id)
    order by r.id limit 1`);
  expect(id, 'a resident of zone 1').toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

test('a leader creates, extends and releases an order, prints the notice, and /verify finds it genuine', async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the desk screens');
  test.setTimeout(180_000);
  const residentId = someoneOfZone1();
  await login(page, 'leader1', `/residents/${residentId}`);

  // the leader reveals the ID number (audited) to find the resident with the census search
  await page.getByRole('button', { name: '显示证件号码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('查看原因').fill('登记居家隔离');
  await dialog.getByRole('button', { name: '显示' }).click();
  const idNumber = (await page.getByTestId('pii-ID_NUMBER').innerText()).trim();
  expect(idNumber).toMatch(/^\d{17}[\dX]$/);

  await page.goto('/quarantines');
  await page.getByRole('button', { name: /新建隔离/ }).click();
  await page.getByRole('textbox', { name: '身份证号或手机号' }).fill(idNumber);
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page).toHaveURL(/\/quarantines\/[0-9a-f-]{36}$/);
  await expect(page.getByText('执行中', { exact: true })).toBeVisible();
  await screenshot(page, testInfo, 'quarantine-order');

  // extend by a week
  await page.getByRole('button', { name: /延\s*期/ }).click();
  const extend = page.getByRole('dialog');
  const end = await page.getByText(/^\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/).innerText();
  const newEnd = new Date(`${end.split(' – ')[1]}T00:00:00Z`);
  newEnd.setUTCDate(newEnd.getUTCDate() + 7);
  const newEndText = newEnd.toISOString().slice(0, 10);
  await extend.getByLabel('新的结束日期').fill(newEndText);
  await extend.getByLabel('新的结束日期').press('Enter');
  await extend.getByLabel('原因').fill('复核阳性，延长观察');
  await extend.getByRole('button', { name: /延\s*期/ }).click();
  await expect(extend).toBeHidden();
  await expect(page.getByText(new RegExp(`– ${newEndText}$`))).toBeVisible();

  // release
  await page.getByRole('button', { name: /解\s*除/ }).click();
  const release = page.getByRole('dialog');
  await release.getByLabel('原因').fill('期满解除');
  await release.getByRole('button', { name: /解\s*除/ }).click();
  await expect(page.getByText('已解除', { exact: true }).first()).toBeVisible();

  // the release notice: a real PDF
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /下载 PDF/ }).click();
  const download = await downloading;
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

  // the check code the order shows, checked on the public page by someone not logged in
  const verifyHref = await page.getByTestId('notice-code').getByRole('link').getAttribute('href');
  expect(verifyHref).toMatch(/^\/verify\?number=.+&code=.+/);
  const anonymous = await browser.newContext({ ignoreHTTPSErrors: true });
  const visitor = await anonymous.newPage();
  await visitor.goto(verifyHref!);
  await expect(visitor.getByText('告知书真实有效')).toBeVisible();
  await expect(visitor.getByText('解除日期')).toBeVisible();
  await screenshot(visitor, testInfo, 'quarantine-verify');
  await visitor.goto('/verify?number=Q19990101-1&code=WRONG');
  await expect(visitor.getByText('告知书无效')).toBeVisible();
  await anonymous.close();
});
