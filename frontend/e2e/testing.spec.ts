import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { PASSWORD, login, screenshot } from './support';

/**
 * A nucleic-acid round end to end on the real stack (issue 6's journey): the supervisor's round
 * over worker1's cell is sampling; worker1 types a tube barcode (as a keyboard-wedge scanner does:
 * characters, then Enter), puts three people of one household in the pool and closes it; the
 * lab-demo partner, with a token of its own from Keycloak (client credentials), posts a positive
 * result for that tube; worker1 then has exactly three urgent re-test tasks; and the supervisor's
 * live coverage table shows the cell's figures change without a reload.
 */
test.describe.configure({ mode: 'serial' });

interface Page_<T> {
  items: T[];
  next?: string | null;
}
interface Cell {
  id: string;
  code: string;
  name: string;
  communityId: string;
  communityName: string;
}
interface Resident {
  id: string;
  name: string;
  householdId: string;
  status?: string;
}
interface Household {
  id: string;
  doorNumber: string;
  contactName?: string;
}

async function tokenFor(request: APIRequestContext, form: Record<string, string>) {
  const config = (await (await request.get('/config.json')).json()) as { oidcAuthority: string };
  const answer = await request.post(`${config.oidcAuthority}/protocol/openid-connect/token`, { form });
  expect(answer.ok(), `token for ${form.client_id}: ${answer.status()}`).toBeTruthy();
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** An API session as a demo user (password grant of the CLI client) or as a partner client (client credentials). */
async function api(request: APIRequestContext, who: { user: string } | { client: string; secret: string }) {
  const token =
    'user' in who
      ? await tokenFor(request, { grant_type: 'password', client_id: 'gridguard-cli', username: who.user, password: PASSWORD })
      : await tokenFor(request, { grant_type: 'client_credentials', client_id: who.client, client_secret: who.secret });
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' };
  return {
    get: async <T>(path: string): Promise<T> => {
      const r = await request.get(path, { headers });
      expect(r.ok(), `GET ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const r = await request.post(path, { headers, data });
      expect(r.ok(), `POST ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
  };
}

/** The supervisor's own signed-in browser: a desk (supervisors follow coverage at a desk), whatever the project. */
async function deskBrowser(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return { context, page: await context.newPage() };
}

const cellRow = (page: Page, name: string) => page.getByTestId('coverage-row').filter({ has: page.getByRole('button', { name, exact: true }) });

test('worker1 samples a pool of 3, the lab posts a positive, worker1 gets 3 re-tests, the supervisor sees the cell change', async ({ page, request, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const worker = await api(request, { user: 'worker1' });
  const supervisor = await api(request, { user: 'supervisor' });

  // worker1's cell, and a household of it with three people living there
  const cells = await worker.get<Page_<Cell>>('/api/v1/grid-cells?limit=50');
  const cell = cells.items[0];
  const residents = await worker.get<Page_<Resident>>(`/api/v1/residents?areaId=${cell.id}&limit=500`);
  const byHousehold = new Map<string, Resident[]>();
  for (const r of residents.items.filter((x) => !x.status || x.status === 'LIVING')) {
    byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
  }
  const [householdId, members] = [...byHousehold.entries()].find(([, people]) => people.length >= 3) ?? [];
  expect(householdId, 'a household of worker1 with three residents').toBeTruthy();
  const household = await worker.get<Household>(`/api/v1/households/${householdId}`);
  const three = members!.slice(0, 3);

  // the supervisor's round over the cell, assigned to lab-demo, sampling now
  const now = Date.now();
  const round = await supervisor.post<{ id: string; version: number; name: string }>('/api/v1/test-rounds', {
    id: crypto.randomUUID(),
    name: `E2E 核酸 ${testInfo.project.name} ${new Date(now).toISOString().slice(11, 19)}`,
    scope: [cell.communityId],
    roundDate: new Date(now).toISOString().slice(0, 10),
    samplingFrom: new Date(now - 3_600_000).toISOString(),
    samplingTo: new Date(now + 8 * 3_600_000).toISOString(),
    modes: ['CENTRAL', 'DOOR_TO_DOOR'],
    poolSize: 5,
    labs: ['lab-demo'],
  });
  await supervisor.post(`/api/v1/test-rounds/${round.id}/transitions`, { to: 'SAMPLING', version: round.version });

  // the supervisor watches the round's coverage, drilled down to worker1's cell: nobody sampled yet
  const desk = await deskBrowser(browser, baseURL);
  await login(desk.page, 'supervisor', `/rounds/${round.id}`);
  await expect(desk.page.getByTestId('round-status')).toHaveText('采样中');
  await desk.page.getByRole('button', { name: cell.communityName, exact: true }).click();
  const row = cellRow(desk.page, cell.name);
  await expect(row.getByTestId('coverage-sampled')).toHaveText('0');
  const expected = Number(await row.locator('td').nth(2).innerText());
  expect(expected).toBeGreaterThanOrEqual(3);

  // worker1 samples door to door: types the barcode and Enter, like a wedge scanner
  const barcode = `E2E-${testInfo.project.name}-${now}`;
  await login(page, 'worker1', `/sampling?round=${round.id}`);
  await page.getByText('入户采样', { exact: true }).click();
  const field = page.getByRole('textbox', { name: '试管条码' });
  await expect(field).toBeFocused();
  await field.pressSequentially(barcode, { delay: 5 });
  await field.press('Enter');
  await expect(page.getByTestId('pool-barcode')).toHaveText(barcode);
  await expect(page.getByTestId('pool-count')).toHaveText('0 / 5');

  // three members of one household, picked by door number
  await page.getByText('同户成员', { exact: true }).click();
  await page.getByRole('textbox', { name: '门牌号' }).fill(household.doorNumber);
  await page.getByRole('combobox', { name: '选择住户' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: [household.doorNumber, household.contactName].filter(Boolean).join(' · ') }).first().click();
  for (const [n, person] of three.entries()) {
    await page.getByTestId('sampling-candidate').filter({ hasText: person.name }).getByRole('button', { name: /^加\s*入$/ }).click();
    await expect(page.getByTestId('pool-count')).toHaveText(`${n + 1} / 5`);
  }
  await expect(page.getByTestId('sample-queue-waiting')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('pool-member')).toHaveCount(3);
  await expect(page.getByTestId('pool-member').getByText('待上传')).toHaveCount(0);
  await screenshot(page, testInfo, 'sampling-pool');
  await page.getByRole('button', { name: /封\s*管/ }).click();
  await expect(page.getByTestId('pool')).toHaveCount(0);
  await expect(field).toBeFocused();
  const tube = await worker.get<{ status: string; members: number }>(`/api/v1/test-rounds/${round.id}/tubes?barcode=${encodeURIComponent(barcode)}`);
  expect(tube).toMatchObject({ status: 'CLOSED', members: 3 });

  // the partner lab posts a positive for that tube with its own client-credentials token
  const lab = await api(request, { client: 'lab-demo', secret: 'lab-demo-secret' });
  const posted = await lab.post<{ items: { status: string }[] }>(`/api/v1/test-rounds/${round.id}/tube-results/batch`, {
    items: [{ barcode, result: 'POSITIVE', testedAt: new Date().toISOString(), labRef: `E2E-${now}` }],
  });
  expect(posted.items.map((i) => i.status)).toEqual(['CREATED']);

  // worker1 has the three urgent re-tests (单采) of that pool
  await page.getByRole('tab', { name: '我的任务' }).click();
  const retests = page.getByTestId('test-task').and(page.locator('[data-kind="RETEST"]'));
  await expect(retests).toHaveCount(3);
  for (const person of three) await expect(retests.filter({ hasText: person.name })).toHaveCount(1);
  await expect(retests.getByText('紧急')).toHaveCount(3);
  await screenshot(page, testInfo, 'sampling-retests');

  // the supervisor's table, still open, refreshes by itself: three more sampled, three positive
  await expect(row.getByTestId('coverage-sampled')).toHaveText('3', { timeout: 30_000 });
  await expect(row.getByTestId('coverage-pct')).not.toHaveAttribute('data-value', '0');
  await screenshot(desk.page, testInfo, 'coverage-cell');
  await desk.page.getByRole('tab', { name: '阳性混管' }).click();
  await expect(desk.page.getByTestId('positive-pool').filter({ hasText: barcode })).toHaveCount(1);
  await desk.context.close();
});

/**
 * Another session holds the coverage refresher's lock (as a refresh stuck on a bad plan would have): every refresh
 * skips its turn. Resolves once the lock is held; release() lets the refresher run again.
 */
async function holdRefresherLock() {
  const { spawn } = await import('node:child_process');
  const psql = spawn('psql', ['-X', '-q', '-A', '-t', '-h', '127.0.0.1', '-p', process.env.GG_PG_PORT ?? '15433', '-U', process.env.GG_DB_USER ?? 'gridguard', '-d', 'gridguard'], {
    env: { ...process.env, PGPASSWORD: process.env.GG_DB_PASSWORD ?? 'gridguard' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const held = new Promise<void>((resolve, reject) => {
    psql.stdout.on('data', (d: Buffer) => (d.toString().includes('held') ? resolve() : undefined));
    psql.on('exit', (code) => reject(new Error(`psql exited with ${code}`)));
  });
  psql.stdin.write("select pg_advisory_lock(hashtext('testing-coverage')); select 'held';\n");
  await held;
  return {
    release: () =>
      new Promise<void>((resolve) => {
        psql.removeAllListeners('exit');
        psql.on('exit', () => resolve());
        psql.stdin.end("select pg_advisory_unlock_all();\n\\q\n");
      }),
  };
}

test('a stalled refresher: the supervisor reads "still counting, N behind", then the live figures once it runs again', async ({ request, browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desk', 'the supervisor follows coverage at a desk: one stall is enough');
  test.setTimeout(150_000);
  const worker = await api(request, { user: 'worker1' });
  const supervisor = await api(request, { user: 'supervisor' });
  const cell = (await worker.get<Page_<Cell>>('/api/v1/grid-cells?limit=50')).items[0];
  const person = (await worker.get<Page_<Resident>>(`/api/v1/residents?areaId=${cell.id}&limit=50`)).items.find((x) => !x.status || x.status === 'LIVING');
  expect(person, 'a living resident of worker1').toBeTruthy();
  const now = Date.now();
  const round = await supervisor.post<{ id: string; version: number }>('/api/v1/test-rounds', {
    id: crypto.randomUUID(),
    name: `E2E 统计滞后 ${new Date(now).toISOString().slice(11, 19)}`,
    scope: [cell.id],
    roundDate: new Date(now).toISOString().slice(0, 10),
    samplingFrom: new Date(now - 3_600_000).toISOString(),
    samplingTo: new Date(now + 8 * 3_600_000).toISOString(),
    modes: ['CENTRAL'],
    poolSize: 10,
    labs: ['lab-demo'],
  });
  await supervisor.post(`/api/v1/test-rounds/${round.id}/transitions`, { to: 'SAMPLING', version: round.version });

  const desk = await deskBrowser(browser, baseURL);
  await login(desk.page, 'supervisor', `/rounds/${round.id}`);
  const asOf = desk.page.getByTestId('coverage-as-of');
  // counted: live figures
  await expect(asOf).toContainText('每 5 秒刷新', { timeout: 30_000 });
  await expect(desk.page.getByTestId('coverage-stale')).toHaveCount(0);

  const lock = await holdRefresherLock();
  try {
    await worker.post(`/api/v1/test-rounds/${round.id}/samples`, { id: crypto.randomUUID(), barcode: `E2E-STALE-${now}`, residentId: person!.id });
    // the sample waits to be counted: past the 5 s budget the screen says so instead of showing the figures as current
    const banner = desk.page.getByTestId('coverage-stale');
    await expect(banner).toContainText(/正在统计，落后 \d+ 秒/, { timeout: 30_000 });
    await expect(asOf).not.toContainText('每 5 秒刷新');
    const answer = await supervisor.get<{ stale: boolean; lagSeconds: number }>(`/api/v1/test-rounds/${round.id}/coverage`);
    expect(answer.stale).toBe(true);
    expect(answer.lagSeconds).toBeGreaterThan(5);
    await screenshot(desk.page, testInfo, 'coverage-stale');
  } finally {
    await lock.release();
  }
  // the refresher runs again: the banner goes and the sample is counted
  await expect(desk.page.getByTestId('coverage-stale')).toHaveCount(0, { timeout: 30_000 });
  await expect(asOf).toContainText('每 5 秒刷新');
  const counted = await supervisor.get<{ stale: boolean; total: { sampled: number } }>(`/api/v1/test-rounds/${round.id}/coverage`);
  expect(counted.stale).toBe(false);
  expect(counted.total.sampled).toBe(1);
  await desk.context.close();
});
