import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, login, screenshot, seriousViolations } from './support';

test.describe.configure({ mode: 'serial' });

/**
 * 日报 (issue 20 parts 1–3 in the browser): leader1 submits the zone's report, the supervisor sees it among the
 * community's children, submits the community's report and downloads it as PDF and XLSX.
 */

interface Report {
  areaId: string;
  areaName: string;
  date: string;
  submittable: boolean;
  submission: { version: number } | null;
}

/** Fills and sends the submission form: a first submission, or a correction with its reason when one exists. */
async function submit(page: Page, highlights: string) {
  const form = page.getByTestId('submit-form');
  await expect(form).toBeVisible();
  const correcting = await form.getByText('更正已报送的日报').isVisible();
  await form.getByLabel('今日亮点').fill(highlights);
  await form.getByLabel('存在问题').fill('E2E：夜间卡口人手不足');
  await form.getByLabel('需上级协调事项').fill('E2E：口罩 200 只');
  if (correcting) await form.getByLabel('更正原因').fill('E2E：重新报送');
  await form.getByRole('button', { name: correcting ? '报送更正' : '报送' }).click();
  await expect(page.getByTestId('report-source')).toHaveText(/^已报送 v\d+$/);
  await expect(page.getByText(highlights)).toBeVisible();
}

test('leader1 submits the zone’s daily report; it is frozen and listed as a version', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'reports are written at a desk');
  const leader = await apiAs(request, 'leader1');
  const zone = await leader.get<Report>('/api/v1/daily-reports');
  expect(zone.submittable, 'leader1 submits their zone').toBe(true);

  await login(page, 'leader1', '/reports/daily');
  await expect(page.getByRole('heading', { name: '日报', exact: true })).toBeVisible();
  await expect(page.getByTestId('report-heading')).toContainText(zone.areaName);
  await expect(page.getByTestId('report-source')).toHaveText('实时');
  await expect(page.getByTestId('report-section').first()).toBeVisible();
  // the required highlights are asked for before anything is sent
  await page.getByTestId('submit-form').getByRole('button', { name: /^报送/ }).click();
  await expect(page.getByText('请填写今日亮点。')).toBeVisible();
  expect(await seriousViolations(page), 'daily report with its form').toEqual([]);

  await submit(page, `E2E 片区日报 ${new Date().toISOString()}`);
  await expect(page.getByTestId('report-version').first()).toBeVisible();
  await screenshot(page, testInfo, 'daily-report-zone');
  const after = await leader.get<Report>(`/api/v1/daily-reports?areaId=${zone.areaId}&date=${zone.date}`);
  expect(after.submission?.version ?? 0).toBeGreaterThanOrEqual(1);
});

test('the supervisor sees the zone’s submission, submits the community’s report and downloads PDF and XLSX', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'reports are written at a desk');
  const zone = await (await apiAs(request, 'leader1')).get<Report>('/api/v1/daily-reports');
  const community = await (await apiAs(request, 'supervisor')).get<Report>('/api/v1/daily-reports');

  await login(page, 'supervisor', '/reports/daily');
  await expect(page.getByTestId('report-heading')).toContainText(community.areaName);
  const row = page.getByRole('row', { name: new RegExp(zone.areaName) });
  // on time before the cut-off, late after it: either way submitted, never missing
  await expect(row.getByTestId('child-status')).toHaveText(/已报送|迟报/);
  expect(await seriousViolations(page), 'community report').toEqual([]);

  await submit(page, `E2E 社区日报 ${new Date().toISOString()}`);
  await screenshot(page, testInfo, 'daily-report-community');

  for (const [name, ext, magic] of [
    [/下载 PDF/, 'pdf', '%PDF-'],
    [/下载 Excel/, 'xlsx', 'PK'],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^daily-report-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
    expect((await readFile(await file.path())).subarray(0, magic.length).toString('latin1')).toBe(magic);
  }
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: /下载 CSV/ }).click();
  const text = (await readFile(await (await csv).path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split(/\r?\n/)[0]).toBe('section,measure,label,value,previous');
});
