import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PASSWORD, login, mainNav, screenshot } from './support';

/**
 * Duty shifts, end to end on the real stack: leader1 builds and publishes the week's rota for
 * their zone, worker1 checks in at their post, an unstaffed post shows up as a DUTY_GAP alert in
 * leader1's inbox, and leader2 cannot roster leader1's zone.
 *
 * Set-up the UI has no screen for (putting worker1 on a shift today when the rota has not, making
 * the week's shifts so that one started more than 15 minutes ago) goes through the API with a
 * leader's token, the same calls the screens make.
 */
test.describe.configure({ mode: 'serial' });

const BUSINESS_ZONE = 'Asia/Shanghai';
const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_ZONE }).format(d);
const today = () => day(new Date());
const yesterday = () => day(new Date(Date.now() - 86_400_000));

interface Shift {
  id: string;
  checkpointId: string;
  checkpointCode: string;
  businessDate: string;
  startsAt: string;
  endsAt: string;
  peopleNeeded: number;
  assignees: { personId: string; name: string; checkInAt?: string | null }[];
}

/** A leader's API session: a token from Keycloak's password grant (the CLI client), calls to the app's origin. */
async function api(request: APIRequestContext, username: string) {
  const config = (await (await request.get('/config.json')).json()) as { oidcAuthority: string };
  const tokenAnswer = await request.post(`${config.oidcAuthority}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'gridguard-cli', username, password: PASSWORD },
  });
  expect(tokenAnswer.ok(), 'password grant').toBeTruthy();
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' };
  return {
    get: async <T>(path: string): Promise<T> => {
      const r = await request.get(path, { headers });
      expect(r.ok(), `GET ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    send: (method: 'POST' | 'DELETE' | 'PATCH', path: string, data?: unknown, extra: Record<string, string> = {}) =>
      request.fetch(path, { method, headers: { ...headers, ...extra }, data }),
  };
}
type Api = Awaited<ReturnType<typeof api>>;

/** leader1's zone, from their jurisdiction. */
async function zoneOf(leader: Api): Promise<string> {
  const me = await leader.get<{ jurisdiction: { role: string; nodeId: string }[] }>('/api/v1/me');
  const zone = me.jurisdiction.find((j) => j.role === 'grid-leader')?.nodeId;
  expect(zone, 'leader1 leads a zone').toBeTruthy();
  return zone as string;
}

async function shiftsOf(leader: Api, zone: string, from: string, to: string): Promise<Shift[]> {
  const page = await leader.get<{ items: Shift[] }>(`/api/v1/duty-shifts?areaId=${zone}&from=${from}&to=${to}&limit=200`);
  return page.items;
}

const onNowOrLaterToday = (s: Shift, now = Date.now()) => s.businessDate === today() && new Date(s.endsAt).getTime() > now;

/**
 * Makes sure worker1 stands a shift today that is on now or still to come, as a leader would on
 * the board: reuse the published rota when it already has them, else put them on one (freeing a
 * place if the shift is full). If the zone's patterns leave nothing for the rest of today (a
 * day-only post after 16:00), the post is switched to 24-hour shifts for today and switched back.
 */
async function ensureWorkerShiftToday(leader: Api, zone: string): Promise<Shift> {
  const people = await leader.get<{ items: { id: string; username?: string | null }[] }>(`/api/v1/duty-people?areaId=${zone}&limit=200`);
  const worker = people.items.find((p) => p.username === 'worker1');
  expect(worker, 'worker1 is on duty in leader1’s zone').toBeTruthy();
  const workerId = (worker as { id: string }).id;

  let candidates = (await shiftsOf(leader, zone, today(), today())).filter((s) => onNowOrLaterToday(s));
  if (candidates.length === 0) {
    const patterns = await leader.get<{ id: string; checkpointId: string; kind: string; version: number }[]>('/api/v1/duty-patterns');
    const all = await shiftsOf(leader, zone, today(), today());
    const post = patterns.find((p) => all.some((s) => s.checkpointId === p.checkpointId));
    expect(post, 'a patterned post in the zone').toBeTruthy();
    const pattern = post as { id: string; kind: string; version: number };
    const patched = await leader.send('PATCH', `/api/v1/duty-patterns/${pattern.id}`, { kind: 'THREE_SHIFTS', version: pattern.version });
    expect(patched.ok(), await patched.text()).toBeTruthy();
    const { version } = (await patched.json()) as { version: number };
    await leader.send('POST', '/api/v1/duty-shifts/generate', { areaId: zone, from: today(), to: today() });
    await leader.send('PATCH', `/api/v1/duty-patterns/${pattern.id}`, { kind: pattern.kind, version });
    candidates = (await shiftsOf(leader, zone, today(), today())).filter((s) => onNowOrLaterToday(s));
  }
  candidates.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const already = candidates.find((s) => s.assignees.some((a) => a.personId === workerId));
  if (already) return already;

  for (const s of candidates) {
    let r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: workerId });
    if (r.status() === 422 && s.assignees.length > 0) {
      const body = (await r.json()) as { errors: { field: string }[] };
      if (body.errors.every((e) => e.field === 'STAFFING')) {
        const other = s.assignees.find((a) => !a.checkInAt) ?? s.assignees[0];
        await leader.send('DELETE', `/api/v1/duty-shifts/${s.id}/assignees/${other.personId}`);
        r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: workerId });
      }
    }
    if (r.ok()) return (await r.json()) as Shift;
  }
  throw new Error('could not put worker1 on any shift today');
}

/** Serious and critical WCAG 2.x A/AA violations on the page. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

test('leader1 builds and publishes the rota for their zone this week', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await login(page, 'leader1', '/duty-board');
  await expect(page.getByRole('heading', { name: '排班', level: 2 })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: '排班' })).toBeVisible();
  await expect(page.getByText('第一片区 · 片区')).toBeVisible();

  await openTab(page, '自动排班');
  await page.getByRole('button', { name: '自动排班' }).click();
  await expect(page.getByText('任务进度')).toBeVisible();
  const publish = page.getByRole('button', { name: '发布排班' });
  const status = page.getByTestId('duty-rota-status');
  await expect(status).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('duty-rota-score')).not.toHaveText('—');
  await screenshot(page, testInfo, 'duty-rota-proposed');

  if (await publish.isVisible()) {
    await publish.click();
    await expect(status).toHaveText('已发布');
  } else {
    // A rerun on the same stack: the week is already rostered, nothing left to fill.
    await expect(status).toHaveText('失败');
  }
  await screenshot(page, testInfo, 'duty-rota-published');

  await openTab(page, '周排班表');
  const board = page.getByTestId('duty-board');
  await expect(board).toBeVisible();
  await expect(board.getByTestId('duty-board-shift').first()).toBeVisible();
  // The published rota put people on the posts.
  await expect(board.locator('.ant-tag').first()).toBeVisible();
  await screenshot(page, testInfo, 'duty-board');
  expect(await seriousViolations(page), 'week board').toEqual([]);
});

test('worker1 sees their shift today and checks in at the post', async ({ page, request }, testInfo) => {
  const leader = await api(request, 'leader1');
  const zone = await zoneOf(leader);
  const shift = await ensureWorkerShiftToday(leader, zone);

  await login(page, 'worker1', '/duty');
  await expect(page.getByRole('heading', { name: '我的值班' })).toBeVisible();
  const card = page.getByTestId('duty-current');
  await expect(card).toContainText(shift.checkpointCode);
  await expect(page.getByTestId('duty-shift').first()).toContainText(shift.checkpointCode);
  await screenshot(page, testInfo, 'duty-mine');
  expect(await seriousViolations(page), 'my shifts').toEqual([]);

  const checkIn = card.getByRole('button', { name: /到岗签到/ });
  if (await checkIn.isVisible()) await checkIn.click();
  await expect(card.getByTestId('duty-checked-in')).toBeVisible();
  await expect(card.getByRole('button', { name: /离岗签退/ })).toBeVisible();
  await screenshot(page, testInfo, 'duty-checked-in');
});

test('a post with nobody checked in appears as a gap in leader1’s inbox', async ({ page, request }, testInfo) => {
  test.setTimeout(240_000);
  const leader = await api(request, 'leader1');
  const zone = await zoneOf(leader);
  // Shifts from yesterday on: whatever the hour, one of them started more than 15 minutes ago
  // (within the sweep's day) and nobody has checked in to it.
  await leader.send('POST', '/api/v1/duty-shifts/generate', { areaId: zone, from: yesterday(), to: today() });

  await login(page, 'leader1', '/duty-board?tab=gaps');
  const gaps = page.getByTestId('duty-gap');
  // The sweep runs every minute: reload until a gap is listed (up to ~2.5 minutes).
  await expect(async () => {
    await page.reload();
    await expect(gaps.first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000, 10_000] });
  await expect(gaps.first()).toContainText('缺岗');
  await screenshot(page, testInfo, 'duty-gaps');
});

test('leader2 cannot roster leader1’s zone', async ({ page, request }, testInfo) => {
  const zone = await zoneOf(await api(request, 'leader1'));
  const leader2 = await api(request, 'leader2');
  const refused = await leader2.send('POST', '/api/v1/rosters', { areaId: zone, from: today(), to: today() });
  expect([403, 404]).toContain(refused.status());

  await login(page, 'leader2', `/duty-board?tab=rota&area=${zone}`);
  await page.getByRole('button', { name: '自动排班' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /找不到该数据|没有权限/ });
  await expect(alert).toBeVisible();
  await screenshot(page, testInfo, 'duty-leader2-refused');
});
