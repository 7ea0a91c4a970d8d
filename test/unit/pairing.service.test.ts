import { afterEach, describe, expect, it } from 'vitest';
import type { CreateDevice } from '../../shared/devices.schema';
import type { DeviceRecord } from '../../server/devices/devices.repository';
import { PAIRING_TTL_MS, PairingService } from '../../server/devices/pairing.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { anOperator, manualClock, recordEvents, testTasks } from '../support/fakes';
import { memoryPairingRepository } from '../support/memory-pairing';

/** The fleet as pairing sees it: creating a device hands out its token; `failNext` makes one creation fail. */
function fakeFleet() {
  const created: DeviceRecord[] = [];
  let failNext: Error | undefined;
  let gate: Promise<void> | undefined;
  return {
    created,
    failNext: (error: Error) => void (failNext = error),
    /** Holds the next creations until `open()` is called. */
    hold() {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => open();
    },
    async create(input: CreateDevice) {
      await gate;
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      const device = { id: `device-${created.length + 1}`, name: input.name, role: input.role, section: input.section ?? null, idleTimeoutSeconds: 60, sceneSeconds: 20, locale: 'zh-CN' } as DeviceRecord;
      created.push(device);
      return { id: device.id, token: `token-${device.id}`, device };
    },
  };
}

const services: PairingService[] = [];
afterEach(() => services.splice(0).forEach((s) => s.close()));

function pairingService() {
  const clock = manualClock();
  const fleet = fakeFleet();
  const bus = new DomainEvents(testTasks().tasks);
  const published = recordEvents(bus, ['fleet.changed']);
  const memory = memoryPairingRepository();
  const pairing = new PairingService({ repository: memory.repository, devices: fleet, now: clock.now, bus, tasks: testTasks().tasks });
  services.push(pairing);
  return { pairing, fleet, clock, published, memory };
}

const aScreen = () => ({ address: '10.0.0.7', userAgent: 'Chromium kiosk' });
const approval = (code: string) => ({ code, name: 'Booth A', role: 'booth' as const });

describe('pairing', () => {
  it('hands the approved screen its token at its next claim, once', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = await pairing.open(aScreen());
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'pending' });
    expect(await pairing.approve(approval(ticket.code), anOperator())).toEqual({ id: 'device-1' });
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'paired', token: 'token-device-1', device: { id: 'device-1', name: 'Booth A' } });
    await expect(pairing.claim({ id: ticket.id, secret: ticket.secret })).rejects.toThrow('No such pairing request');
    expect(fleet.created).toHaveLength(1);
  });

  it('lets a code be approved once only', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = await pairing.open(aScreen());
    await pairing.approve(approval(ticket.code), anOperator());
    await expect(pairing.approve(approval(ticket.code), anOperator())).rejects.toThrow(`no screen is waiting with code ${ticket.code}`);
    expect(fleet.created).toHaveLength(1);
    expect(await pairing.pending()).toEqual([]);
  });

  it('lets two approvals of one code racing create one device', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = await pairing.open(aScreen());
    const open = fleet.hold();
    const both = Promise.allSettled([pairing.approve(approval(ticket.code), anOperator()), pairing.approve(approval(ticket.code), anOperator())]);
    open();
    expect((await both).map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(fleet.created).toHaveLength(1);
  });

  it('answers pending while the approval is still storing the device, then hands the token over', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = await pairing.open(aScreen());
    const open = fleet.hold();
    const approving = pairing.approve(approval(ticket.code), anOperator());
    await new Promise((resolve) => setImmediate(resolve));
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'pending' });
    open();
    await approving;
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'paired' });
  });

  it('gives the code back when the device cannot be created, so a corrected approval works', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = await pairing.open(aScreen());
    fleet.failNext(new Error('section: unknown section "gamma"'));
    await expect(pairing.approve(approval(ticket.code), anOperator())).rejects.toThrow('unknown section');
    expect((await pairing.pending()).map((p) => p.code)).toEqual([ticket.code]);
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'pending' });
    expect(await pairing.approve(approval(ticket.code), anOperator())).toEqual({ id: 'device-1' });
  });

  it('expires a code after ten minutes: it can no longer be approved, and the screen is told to ask again', async () => {
    const { pairing, fleet, clock } = pairingService();
    const ticket = await pairing.open(aScreen());
    clock.advance(PAIRING_TTL_MS - 1);
    expect((await pairing.pending()).map((p) => p.code)).toEqual([ticket.code]);
    clock.advance(1);
    await expect(pairing.claim({ id: ticket.id, secret: ticket.secret })).rejects.toThrow(expect.objectContaining({ status: 410, code: 'pairing_expired' }));
    const late = await pairing.open(aScreen());
    clock.advance(PAIRING_TTL_MS);
    await expect(pairing.approve(approval(late.code), anOperator())).rejects.toThrow('codes expire after 10 minutes');
    expect(await pairing.pending()).toEqual([]);
    expect(fleet.created).toEqual([]);
  });

  it('keeps an approved token for a slow screen a while after its code expired', async () => {
    const { pairing, clock } = pairingService();
    const ticket = await pairing.open(aScreen());
    clock.advance(PAIRING_TTL_MS - 1_000);
    await pairing.approve(approval(ticket.code), anOperator());
    clock.advance(PAIRING_TTL_MS);
    await pairing.sweep();
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'paired' });
  });

  it('sweeps expired codes, and approved ones once their screen had its extra time', async () => {
    const { pairing, clock, memory } = pairingService();
    const waiting = await pairing.open(aScreen());
    const approved = await pairing.open(aScreen());
    await pairing.approve(approval(approved.code), anOperator());
    clock.advance(PAIRING_TTL_MS);
    expect(await pairing.sweep()).toBe(1);
    expect([...memory.rows.keys()]).toEqual([approved.id]);
    clock.advance(PAIRING_TTL_MS);
    expect(await pairing.sweep()).toBe(1);
    expect(memory.rows.size).toBe(0);
    await expect(pairing.claim({ id: waiting.id, secret: waiting.secret })).rejects.toThrow('No such pairing request');
  });

  it('draws another code when the one drawn is taken', async () => {
    const { pairing, memory } = pairingService();
    const insert = memory.repository.insert.bind(memory.repository);
    let refused = 0;
    memory.repository.insert = async (ticket) => (refused++ < 2 ? false : insert(ticket));
    const ticket = await pairing.open(aScreen());
    expect(refused).toBe(3);
    expect(memory.rows.get(ticket.id)?.code).toBe(ticket.code);
  });

  it('gives nothing to a claim with the wrong secret', async () => {
    const { pairing } = pairingService();
    const ticket = await pairing.open(aScreen());
    await pairing.approve(approval(ticket.code), anOperator());
    await expect(pairing.claim({ id: ticket.id, secret: `${ticket.secret}x` })).rejects.toThrow('No such pairing request');
    await expect(pairing.claim({ id: ticket.id, secret: 'short' })).rejects.toThrow('No such pairing request');
    expect(await pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'paired' });
  });

  it('tells the console when a code starts waiting and when it is approved', async () => {
    const { pairing, published } = pairingService();
    const ticket = await pairing.open(aScreen());
    await pairing.approve(approval(ticket.code), anOperator());
    expect(published).toEqual([
      { name: 'fleet.changed', payload: { cause: 'pairing' } },
      { name: 'fleet.changed', payload: { cause: 'pairing' } },
    ]);
  });
});
