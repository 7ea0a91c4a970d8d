import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, NETWORK_ERRORS, test, WEB_DIR } from './fixtures';
import { ADMIN_PASSWORD, createDevice, signIn, visitEvent, postEvents, type TestServer } from '../support/test-server';

/** Helpers for the stage display's browser tests. */

/** Where the screenshots the issue asks for are saved. */
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');
/** localStorage key of the device module's credentials (kiosk/lib/device/device-credentials.ts). */
const CREDENTIALS_KEY = 'showfloor.device.v1';

/** The showfloor fixtures (fixtures.ts): a real server per test; any page error fails the test unless tolerated. */
export { expect, NETWORK_ERRORS, test, WEB_DIR };
/** The time budget of one stage test (see `test.describe.configure` in each spec). */
export const STAGE_TEST_TIMEOUT = 90_000;

const SCENE_TITLES = {
  overview: '实时概览 Overview',
  visitors: '观众与互动 Visitors & interest',
  matchmaking: '洽谈签约 Matchmaking',
  roadshow: '项目路演 Roadshow',
  announcement: '通知 Announcement',
  'roadshow-reveal': '路演成绩揭晓 Roadshow results',
} as const;

/** The scene on screen, found by its title as a person (or a screen reader) would. */
export function scene(page: Pick<Page, 'getByRole'>, name: keyof typeof SCENE_TITLES) {
  return page.getByRole('region', { name: SCENE_TITLES[name], exact: true });
}

/**
 * Opens /stage/ as an already paired display: a stage device created through the API, its
 * credentials put where the device module keeps them, before the page's scripts run.
 */
export async function openPairedStage(page: Page, server: TestServer, settings: { sceneSeconds?: number; name?: string } = {}): Promise<{ id: string; token: string }> {
  const cookie = await signIn(server.url);
  const name = settings.name ?? 'Stage left';
  const response = await fetch(`${server.url}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name, role: 'stage', sceneSeconds: settings.sceneSeconds ?? 20 }),
  });
  expect(response.status).toBe(201);
  const device = (await response.json()) as { id: string; token: string };
  const credentials = {
    token: device.token,
    // The server sends the real settings on connect; these only have to be well-formed.
    config: { id: device.id, name, role: 'stage', section: null, idleTimeoutSeconds: 60, sceneSeconds: settings.sceneSeconds ?? 20, locale: 'zh-CN' },
  };
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [CREDENTIALS_KEY, JSON.stringify(credentials)] as const);
  await page.goto(`${server.url}/stage/`);
  return device;
}

/** Sends an operator command to a screen; resolves with how many of its connections got it. */
export async function sendCommand(server: TestServer, deviceId: string, command: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/devices/${deviceId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signIn(server.url) },
    body: JSON.stringify(command),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { delivered: number }).delivered;
}

/** Sends a command once the screen's /device connection is up (a command to an offline screen is lost). */
export async function sendCommandWhenOnline(server: TestServer, deviceId: string, command: Record<string, unknown>): Promise<void> {
  await expect.poll(async () => sendCommand(server, deviceId, command), { timeout: 20_000 }).toBeGreaterThan(0);
}

/** Posts an announcement that expires `expiresInMs` after it is sent (counted after signing in, which is slow on purpose). */
export async function postAnnouncement(server: TestServer, body: Record<string, unknown>, expiresInMs: number): Promise<{ id: string }> {
  const cookie = await signIn(server.url);
  const response = await fetch(`${server.url}/api/v1/announcements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    // An announcement lasts at least 30 s: a shorter life in a test is one that started earlier.
    body: JSON.stringify({
      startsAt: new Date(Date.now() + Math.min(0, expiresInMs - 30_000)).toISOString(),
      ...body,
      expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
}

/** A door sensor that posts visits: `visits(3)` counts three visitors in `section`. */
export async function doorSensor(server: TestServer): Promise<{ visits(count: number, over?: Record<string, unknown>): Promise<void>; token: string }> {
  const sensor = await createDevice(server.url, { name: 'North door', role: 'sensor' });
  return {
    token: sensor.token,
    async visits(count, over = {}) {
      for (let sent = 0; sent < count; sent += 500) {
        const events = Array.from({ length: Math.min(500, count - sent) }, () => visitEvent(over));
        const posted = await postEvents(server.url, sensor.token, { events });
        expect(posted.status).toBe(200);
      }
    },
  };
}

export interface ApiReply {
  status: number;
  body: any;
}

/** The HTTP API as one signed-in user: `send('POST', '/api/v1/…', body)`. */
export type Api = (method: string, path: string, body?: unknown) => Promise<ApiReply>;

/** Signs in as `username` and returns a function that calls the API with that session. */
export async function apiAs(server: TestServer, username = 'admin', password = ADMIN_PASSWORD): Promise<Api> {
  const cookie = await signIn(server.url, username, password);
  return async (method, path, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
}

/** Creates an account with `role` (as admin) and returns the API as that account. */
export async function createAccount(server: TestServer, username: string, role: 'operator' | 'judge'): Promise<Api> {
  const password = `${username}-password-123`;
  const admin = await apiAs(server);
  const created = await admin('POST', '/api/v1/users', { username, role, password });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return apiAs(server, username, password);
}

/** Calls the API and expects `status`; resolves with the reply's body. */
export async function expectReply(api: Api, method: string, path: string, body: unknown, status = method === 'POST' ? 201 : 200): Promise<any> {
  const reply = await api(method, path, body);
  expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body)}`).toBe(status);
  return reply.body;
}

/** Matchmaking as an operator records it: organisations, partners, meetings and their steps. */
export function matchmaking(operator: Api) {
  return {
    organisation: async (zh: string, en: string, country: string): Promise<string> =>
      (await expectReply(operator, 'POST', '/api/v1/deals/organisations', { name: { 'zh-CN': zh, en }, country, type: 'research' })).id,
    partner: async (zh: string, en: string): Promise<string> => (await expectReply(operator, 'POST', '/api/v1/deals/partners', { name: { 'zh-CN': zh, en } })).id,
    /** A held meeting; returns its id and version. */
    meeting: async (organisationId: string, partnerId: string, industry: string): Promise<{ id: string; version: number }> =>
      expectReply(operator, 'POST', '/api/v1/deals/meetings', { organisationId, partnerId, industry }),
    /** Moves a meeting one step on; returns it with its new version. */
    step: async (meeting: { id: string; version: number }, to: 'intention' | 'signed' | 'dropped'): Promise<{ id: string; version: number }> =>
      expectReply(operator, 'POST', `/api/v1/deals/meetings/${meeting.id}/step`, { to, baseVersion: meeting.version }, 200),
  };
}

/**
 * Records, in the page, every text that appears in a given role, in order (a celebration, a
 * reveal's places), so a test can check what came and in which order without timing anything.
 * Call before the page loads.
 */
export async function recordAppearances(page: Page, selector: string, attribute: string | null = null): Promise<() => Promise<string[]>> {
  await page.addInitScript(
    ([selector, attribute]) => {
      const seen: string[] = [];
      const known = new WeakSet<Element>();
      Object.assign(window, { __appearances: seen });
      const look = () => {
        for (const element of document.querySelectorAll(selector)) {
          if (known.has(element)) continue;
          known.add(element);
          seen.push(attribute ? (element.getAttribute(attribute) ?? '') : (element.textContent ?? '').replace(/\s+/g, ' ').trim());
        }
      };
      new MutationObserver(look).observe(document, { childList: true, subtree: true });
    },
    [selector, attribute] as const,
  );
  return () => page.evaluate(() => (window as unknown as { __appearances: string[] }).__appearances);
}
