import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PASSWORD, login, mainNav, openSection, screenshot } from './support';

/**
 * 隔离 on a phone (issue 17 part 7), on the real stack: worker1 opens the screen and sees the demo's people under order
 * in cell G01, loses the network, records a visit (it is queued on the device, the row shows it), gets the network back:
 * the visit goes out by itself, the row turns DONE, and the API holds exactly one visit for it.
 *
 * Works at any hour: a row is DUE or OVERDUE depending on the time of day, and a visit outside its window is still
 * recorded (the screen sends the row's window).
 */
test.describe.configure({ mode: 'serial' });

/** A GET with a token from Keycloak's password grant (the CLI client), to the app's origin. */
async function apiGet(request: APIRequestContext, username: string) {
  const config = (await (await request.get('/config.json')).json()) as { oidcAuthority: string };
  const answer = await request.post(`${config.oidcAuthority}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'gridguard-cli', username, password: PASSWORD },
  });
  expect(answer.ok(), 'password grant').toBeTruthy();
  const { access_token: token } = (await answer.json()) as { access_token: string };
  return async <T>(path: string): Promise<T> => {
    const r = await request.get(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' } });
    expect(r.ok(), `GET ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
    return (await r.json()) as T;
  };
}

interface Visit {
  id: string;
  clientRef: string;
}

const rows = (page: Page) => page.getByTestId('visit-row');
const waiting = (page: Page) => page.getByTestId('visit-queue-waiting');

test('worker1 records a quarantine visit offline; it is sent once back online and the row is DONE', async ({ page, context, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'visits are recorded on a phone');
  test.setTimeout(180_000);
  const get = await apiGet(request, 'worker1');

  await login(page, 'worker1', '/');
  await openSection(page, '隔离');
  await expect(page).toHaveURL(/\/quarantine-visits$/);
  await expect(mainNav(page)).toBeVisible();

  // The demo's orders in G01: at least three people, each with a window of today.
  await expect(rows(page).first()).toBeVisible();
  await expect.poll(async () => new Set(await rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-order-id')))).size).toBeGreaterThanOrEqual(3);
  await screenshot(page, testInfo, 'quarantine-visits-list');

  // A row still to visit (DUE or OVERDUE, depending on the hour; a re-run on the same stack finds some DONE).
  const row = rows(page).and(page.locator('[data-status="DUE"], [data-status="OVERDUE"]')).first();
  await expect(row).toBeVisible();
  const orderId = (await row.getAttribute('data-order-id')) ?? '';
  const window = (await row.getAttribute('data-window')) ?? '';
  const name = (await row.locator('.gg-visit-name').textContent()) ?? '';
  expect(orderId).toMatch(/^[0-9a-f-]{36}$/);
  const before = await get<{ items: Visit[] }>(`/api/v1/quarantines/${orderId}/visits?limit=100`);

  // The visits the browser posts (to count them).
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/v1/quarantines/${orderId}/visits`)) posts.push((r.postDataJSON() as Visit).clientRef);
  });

  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: '网络已断开' })).toBeVisible();
  await row.getByRole('button').click();
  const entry = page.getByTestId('visit-entry');
  await expect(entry).toContainText(name);
  await entry.getByText('电话', { exact: true }).click();
  await entry.getByRole('button', { name: '咳嗽' }).click();
  await entry.getByRole('button', { name: '药品' }).click();
  await entry.getByRole('button', { name: '36.5 °C' }).click();

  await expect(page.getByTestId('visit-recorded')).toContainText(`已登记随访 ${name} 36.5 °C`);
  await expect(page.getByTestId('visit-sent')).toHaveText('待发送（离线时保存在本机）');
  await expect(waiting(page)).toHaveAttribute('data-count', '1');
  const queued = page.locator(`[data-testid="visit-row"][data-order-id="${orderId}"][data-window="${window}"]`);
  await expect(queued).toHaveAttribute('data-status', 'QUEUED');
  await screenshot(page, testInfo, 'quarantine-visits-queued');
  expect(posts).toEqual([]);

  // The network returns: the queue goes out by itself, and the row is DONE.
  await context.setOffline(false);
  await expect(waiting(page)).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await expect(queued).toHaveAttribute('data-status', 'DONE', { timeout: 30_000 });
  await screenshot(page, testInfo, 'quarantine-visits-sent');

  // Exactly one visit more, the one the browser posted.
  const after = await get<{ items: Visit[] }>(`/api/v1/quarantines/${orderId}/visits?limit=100`);
  expect(after.items).toHaveLength(before.items.length + 1);
  expect(new Set(posts).size).toBe(1);
  expect(after.items.filter((v) => v.clientRef === posts[0])).toHaveLength(1);
});
