import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
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

  // worker1's own shifts around today, which the rules (rest, overlap, weekly hours) weigh against a new one
  const tomorrow = day(new Date(Date.now() + 86_400_000));
  const own = (await shiftsOf(leader, zone, yesterday(), tomorrow)).filter((s) =>
    s.assignees.some((a) => a.personId === workerId && !a.checkInAt));
  const refusals: string[] = [];
  for (const s of candidates) {
    let r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: workerId });
    if (r.status() === 422 && s.assignees.length > 0) {
      const body = (await r.json()) as { errors: { field: string }[] };
      if (body.errors.some((e) => e.field === 'STAFFING')) {
        const other = s.assignees.find((a) => !a.checkInAt) ?? s.assignees[0];
        await leader.send('DELETE', `/api/v1/duty-shifts/${s.id}/assignees/${other.personId}`);
        r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: workerId });
      }
    }
    // late in the day the only shift left may follow worker1's own without rest: move them from that one
    for (const from of own) {
      if (r.ok() || r.status() !== 422 || from.id === s.id) continue;
      r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: workerId, fromShiftId: from.id });
    }
    if (r.ok()) return (await r.json()) as Shift;
    refusals.push(`${s.checkpointCode} ${s.startsAt}: ${r.status()} ${await r.text()}`);
  }
  throw new Error(`could not put worker1 on any shift today:\n${refusals.join('\n')}`);
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

  // Proposed, or (a rerun on the same stack: the week is already rostered, nothing left to fill) failed.
  await expect(status).toHaveText(/^(待发布|失败)$/);
  if ((await status.textContent()) === '待发布') {
    await publish.click();
    await expect(status).toHaveText('已发布');
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

// ---------------- the board's drag and drop, swaps, work logs ----------------

interface Person {
  id: string;
  username?: string | null;
  name: string;
  unit?: string;
  homeAreaId?: string;
  daysOff?: number[];
  datesOff?: string[];
  version: number;
}
type FullShift = Shift & { kind: string; requiredSkills?: string[] };

/** The date `days` after `date` (YYYY-MM-DD, calendar arithmetic). */
const plus = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** ISO day of the week, Monday 1 … Sunday 7. */
const isoDow = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const mondayOf = (date: string) => plus(date, 1 - isoDow(date));

async function zonePeople(leader: Api, zone: string): Promise<Person[]> {
  return (await leader.get<{ items: Person[] }>(`/api/v1/duty-people?areaId=${zone}&limit=200`)).items;
}

async function clear(leader: Api, s: Shift) {
  for (const a of s.assignees) await leader.send('DELETE', `/api/v1/duty-shifts/${s.id}/assignees/${a.personId}`);
}

/** Puts the first of the people the rules allow on the shift; returns who. */
async function putSomeone(leader: Api, s: Shift, people: Person[]): Promise<Person> {
  for (const p of people) {
    const r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: p.id });
    if (r.ok()) return p;
  }
  throw new Error(`nobody may stand ${s.checkpointCode} ${s.startsAt}`);
}

/** Signs out and waits for Keycloak's login page, so the next login starts from a settled page. */
async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#username').waitFor();
}

const boardShift = (page: Page, id: string) => page.locator(`[data-testid="duty-board-shift"][data-shift-id="${id}"]`);
const chip = (cell: Locator, personId: string) => cell.locator(`[data-testid="duty-chip"][data-person-id="${personId}"]`);

async function centre(l: Locator) {
  const b = await l.boundingBox();
  expect(b, 'on screen').toBeTruthy();
  const box = b as { x: number; y: number; width: number; height: number };
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Desk: a mouse drag (dnd-kit's MouseSensor starts after 6 px). Phone: a long press, then a finger drag (TouchSensor). */
async function dragTo(page: Page, phone: boolean, from: Locator, to: Locator) {
  await from.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  const a = await centre(from);
  const b = await centre(to);
  if (!phone) {
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 12, a.y, { steps: 3 });
    await page.mouse.move(b.x, b.y, { steps: 12 });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(a.x, a.y) });
  await page.waitForTimeout(450); // the long press (TouchSensor delay 250 ms)
  for (let i = 1; i <= 12; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(a.x + ((b.x - a.x) * i) / 12, a.y + ((b.y - a.y) * i) / 12) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('leader1 drags a person from one post to another on the week board; a refused move changes nothing', async ({ page, request }, testInfo) => {
  test.setTimeout(180_000);
  const phone = testInfo.project.name === 'phone';
  const leader = await api(request, 'leader1');
  const zone = await zoneOf(leader);
  // A week of its own for each project, far enough ahead that no rota touches it: only its Monday has shifts.
  const monday = mondayOf(plus(today(), phone ? 35 : 42));
  await leader.send('POST', '/api/v1/duty-shifts/generate', { areaId: zone, from: monday, to: monday });
  const shifts = (await shiftsOf(leader, zone, monday, monday)) as FullShift[];
  const day = shifts.filter((s) => s.kind === 'DAY' && (s.requiredSkills ?? []).length === 0).sort((x, y) => x.checkpointCode.localeCompare(y.checkpointCode));
  const posts = [...new Set(shifts.map((s) => s.checkpointCode))].sort();
  // two posts next to each other on the board, so both are on a phone's screen at once
  const pair = day.map((s, i) => [s, day[i + 1]] as const).find(([s, t]) => t && posts.indexOf(t.checkpointCode) === posts.indexOf(s.checkpointCode) + 1);
  expect(pair, 'two neighbouring day posts without required skills').toBeTruthy();
  const [from, to] = pair as readonly [FullShift, FullShift];
  await clear(leader, from);
  await clear(leader, to);
  const people = (await zonePeople(leader, zone)).filter((p) => !p.username);
  const mover = await putSomeone(leader, from, people);
  // the target is full: moving there breaks STAFFING
  const others = people.filter((p) => p.id !== mover.id);
  for (let i = 0; i < to.peopleNeeded; i++) others.splice(0, others.indexOf(await putSomeone(leader, to, others)) + 1);

  await login(page, 'leader1', `/duty-board?tab=board&area=${zone}&week=${monday}`);
  const source = boardShift(page, from.id);
  const target = boardShift(page, to.id);
  await expect(chip(source, mover.id)).toBeVisible();
  await dragTo(page, phone, chip(source, mover.id), target);
  await expect(target.getByTestId('duty-violations')).toContainText('人数已满');
  await expect(chip(source, mover.id)).toBeVisible();
  await expect(chip(target, mover.id)).toHaveCount(0);
  await screenshot(page, testInfo, 'duty-drag-refused');
  expect((await leader.get<Shift>(`/api/v1/duty-shifts/${from.id}`)).assignees.map((a) => a.personId)).toEqual([mover.id]);

  // room on the target now: the same drag moves the person, in one request
  await clear(leader, await leader.get<Shift>(`/api/v1/duty-shifts/${to.id}`));
  await page.reload();
  await expect(chip(source, mover.id)).toBeVisible();
  const moved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/duty-shifts/${to.id}/assignees`) && r.request().method() === 'POST');
  await dragTo(page, phone, chip(source, mover.id), target);
  expect((await moved).status()).toBe(200);
  await expect(chip(target, mover.id)).toBeVisible();
  await expect(chip(source, mover.id)).toHaveCount(0);
  await expect(target.getByTestId('duty-violations')).toHaveCount(0);
  await screenshot(page, testInfo, 'duty-drag-moved');
  expect((await leader.get<Shift>(`/api/v1/duty-shifts/${to.id}`)).assignees.map((a) => a.personId)).toEqual([mover.id]);
  expect((await leader.get<Shift>(`/api/v1/duty-shifts/${from.id}`)).assignees).toEqual([]);
});

test('worker1 asks worker2 to take a shift, worker2 accepts, leader1 approves', async ({ page, request }, testInfo) => {
  // Once per stack, on the phone (where workers ask for swaps): a second pass gives away a second of worker1's shifts
  // in the 7 days the page shows, and early in a week the rota built above leaves worker1 at the weekly maximum, so
  // on a Monday (Asia/Shanghai) no day was left to give (seen 2026-12-07).
  test.skip(testInfo.project.name !== 'phone', 'the swap journey runs once per stack, on the phone');
  test.setTimeout(240_000);
  const leader = await api(request, 'leader1');
  const admin = await api(request, 'admin');
  const zone = await zoneOf(leader);
  const everyone = (await admin.get<{ items: Person[] }>('/api/v1/duty-people?limit=200')).items;
  const w1 = everyone.find((p) => p.username === 'worker1') as Person;
  let w2 = everyone.find((p) => p.username === 'worker2') as Person;
  expect(w1 && w2, 'both workers are on duty').toBeTruthy();
  // Set-up: worker2 works in worker1's grid cell for this test, so each sees the other (restored at the end).
  const home = w2.homeAreaId;
  const moved = await admin.send('PATCH', `/api/v1/duty-people/${w2.id}`, { homeAreaId: w1.homeAreaId, version: w2.version });
  expect(moved.ok(), await moved.text()).toBeTruthy();
  w2 = (await moved.json()) as Person;
  try {
    // A day shift in the coming days that worker1 stands (or can) and worker2 may take: not a day off, no shift of theirs that day.
    const w2api = await api(request, 'worker2');
    const theirs = (await w2api.get<{ items: Shift[] }>(`/api/v1/duty-shifts?mine=true&from=${today()}&to=${plus(today(), 8)}&limit=200`)).items;
    const busy = new Set(theirs.map((s) => s.businessDate));
    let shift: Shift | undefined;
    for (let d = 1; d <= 6 && !shift; d++) {
      const date = plus(today(), d);
      if (busy.has(date) || (w2.daysOff ?? []).includes(isoDow(date)) || (w2.datesOff ?? []).includes(date)) continue;
      await leader.send('POST', '/api/v1/duty-shifts/generate', { areaId: zone, from: date, to: date });
      const day = ((await shiftsOf(leader, zone, date, date)) as FullShift[]).filter((s) => s.kind === 'DAY' && (s.requiredSkills ?? []).length === 0);
      shift = day.find((s) => s.assignees.some((a) => a.personId === w1.id));
      for (const s of day) {
        if (shift) break;
        const r = await leader.send('POST', `/api/v1/duty-shifts/${s.id}/assignees`, { personId: w1.id });
        if (r.ok()) shift = s;
      }
    }
    expect(shift, 'a shift worker1 can give to worker2').toBeTruthy();
    const s = shift as Shift;
    const when = `${s.businessDate.slice(5)}`;
    // a rerun on the same stack: earlier requests for this shift are closed first
    for (const old of await leader.get<{ id: string; shiftId: string; state: string }[]>('/api/v1/duty-swaps')) {
      if (old.shiftId === s.id && (old.state === 'REQUESTED' || old.state === 'ACCEPTED')) await leader.send('POST', `/api/v1/duty-swaps/${old.id}/reject`);
    }

    await login(page, 'worker1', '/duty');
    const item = page.getByTestId('duty-shift').filter({ hasText: s.checkpointCode }).filter({ hasText: when });
    await item.getByRole('button', { name: /换班/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '请谁替班' }).fill(`${w2.name} · ${w2.unit ?? ''}`);
    await expect(page.getByTitle(`${w2.name} · ${w2.unit ?? ''}`)).toBeVisible();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('原因').fill('家中有事');
    await dialog.getByRole('button', { name: '发送请求' }).click();
    await expect(page.getByText('换班请求已发送，等待对方同意。')).toBeVisible();
    const w1api = await api(request, 'worker1');
    const requested = (await w1api.get<{ id: string; shiftId: string; state: string }[]>('/api/v1/duty-swaps')).find((x) => x.shiftId === s.id && x.state === 'REQUESTED');
    expect(requested, 'the swap request was stored').toBeTruthy();
    const swapItem = (p: Page) => p.locator(`[data-testid="duty-swap"][data-swap-id="${(requested as { id: string }).id}"]`);
    await expect(swapItem(page)).toContainText(`${w1.name} → ${w2.name}`);
    await expect(swapItem(page).getByTestId('duty-swap-state')).toHaveText('待对方同意');
    await screenshot(page, testInfo, 'duty-swap-requested');
    await signOut(page);

    await login(page, 'worker2', '/duty');
    await swapItem(page).getByRole('button', { name: '同意替班' }).click();
    await expect(swapItem(page).getByTestId('duty-swap-state')).toHaveText('待网格长批准');
    await screenshot(page, testInfo, 'duty-swap-accepted');
    await signOut(page);

    await login(page, 'leader1', `/duty-board?tab=swaps&area=${zone}`);
    await swapItem(page).getByRole('button', { name: '批准' }).click();
    // on a refusal the item shows the broken rules instead, and this prints them
    await expect(swapItem(page)).toContainText('已批准');
    await screenshot(page, testInfo, 'duty-swap-approved');
    const after = await leader.get<Shift>(`/api/v1/duty-shifts/${s.id}`);
    expect(after.assignees.map((a) => a.personId)).toContain(w2.id);
    expect(after.assignees.map((a) => a.personId)).not.toContain(w1.id);
  } finally {
    await admin.send('PATCH', `/api/v1/duty-people/${w2.id}`, { homeAreaId: home, version: w2.version });
  }
});

test('worker1 logs the day’s work and leader1 approves the hours', async ({ page, request }, testInfo) => {
  const zone = await zoneOf(await api(request, 'leader1'));
  const what = `电话随访 e2e-${testInfo.project.name}-${Date.now()}`;
  await login(page, 'worker1', '/duty');
  await page.getByLabel('今日工作内容').fill(what);
  await page.getByLabel('工作时长（小时）').fill('2.5');
  await page.getByLabel('电话联系户数').fill('12');
  await page.getByRole('button', { name: '提交日志' }).click();
  await expect(page.getByText('日志已提交，待网格长审核。')).toBeVisible();
  await signOut(page);

  await login(page, 'leader1', `/duty-board?tab=logs&area=${zone}`);
  const row = page.getByTestId('duty-worklog').filter({ hasText: what });
  await expect(row.getByTestId('duty-worklog-status')).toHaveText('待审核');
  await expect(row).toContainText('12');
  await row.getByRole('button', { name: /^通过/ }).click();
  await expect(row.getByTestId('duty-worklog-status')).toHaveText('已通过');
  await screenshot(page, testInfo, 'duty-worklog-approved');
});
