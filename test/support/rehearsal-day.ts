import { Simulator } from '../../server/rehearsal/simulator';
import { createDevice, postEvents, type TestServer } from './test-server';

/** More agreements than the 4K matchmaking scene lists (three), so every composition is full. */
const ENOUGH_AGREEMENTS = 4;

async function signedAgreements(url: string): Promise<number> {
  const snapshot = (await (await fetch(`${url}/api/v1/snapshot`)).json()) as { deals?: { latest?: unknown[] } };
  return snapshot.deals?.latest?.length ?? 0;
}

/**
 * Gives a server a rehearsal day's data, the same every time: the simulator's meetings, agreements
 * and roadshow (fast-forwarded, seeded), kiosk interest, and 1,200 visitors through a door sensor
 * since the doors opened (up to four hours ago, on the Asia/Shanghai clock), more of them lately.
 * Used by the stage's distance checks and by `npm run screenshots`.
 */
export async function playRehearsalDay(server: TestServer, seconds = 8): Promise<void> {
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const simulator = new Simulator(server.server, { speed: 6_000, random });
  await simulator.start();
  // Long enough for meetings, agreements in several countries and industries, and scored pitches.
  // The simulator runs on the wall clock, so a busy machine plays less of the day in the same time:
  // it goes on (up to a minute) until the stage's fullest composition has enough to show.
  const deadline = Date.now() + 60_000;
  await new Promise((done) => setTimeout(done, seconds * 1000));
  while (Date.now() < deadline && (await signedAgreements(server.url)) < ENOUGH_AGREEMENTS) await new Promise((done) => setTimeout(done, 500));
  simulator.stop();

  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { sections: { id: string; items: { id: string }[] }[] };
  const items = snapshot.sections.flatMap((section) => section.items.map((item) => ({ section: section.id, item: item.id })));
  const sensor = await createDevice(server.url, { name: 'Hall door', role: 'sensor' });
  const now = Date.now();
  const hangzhouMidnight = now - ((now + 8 * 3_600_000) % 86_400_000);
  const window = Math.min(4 * 3_600_000, now - hangzhouMidnight - 60_000);
  const at = () => new Date(now - Math.max(0, window * (1 - Math.sqrt(random())))).toISOString();
  const visits = Array.from({ length: 1_200 }, () => ({ id: crypto.randomUUID(), type: 'visit', section: items[Math.floor(random() * items.length)]!.section, at: at() }));
  for (let i = 0; i < visits.length; i += 500) {
    const response = await postEvents(server.url, sensor.token, { events: visits.slice(i, i + 500) });
    if (response.status !== 200) throw new Error(`posting the rehearsal's visits failed: ${response.status}`);
  }
}
