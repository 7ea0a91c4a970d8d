import { describe, expect, it } from 'vitest';
import type { CreateDevice } from '../../shared/devices.schema';
import type { DeviceRecord } from '../../server/devices/devices.repository';
import { PAIRING_TTL_MS, PairingService } from '../../server/devices/pairing.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { anOperator, manualClock, recordEvents, testTasks } from '../support/fakes';

/** The fleet as pairing sees it: creating a device hands out its token. */
function fakeFleet() {
  const created: DeviceRecord[] = [];
  return {
    created,
    async create(input: CreateDevice) {
      const device = { id: `device-${created.length + 1}`, name: input.name, role: input.role, section: input.section ?? null, idleTimeoutSeconds: 60, sceneSeconds: 20, locale: 'zh-CN' } as DeviceRecord;
      created.push(device);
      return { id: device.id, token: `token-${device.id}`, device };
    },
  };
}

function pairingService() {
  const clock = manualClock();
  const fleet = fakeFleet();
  const bus = new DomainEvents(testTasks().tasks);
  const published = recordEvents(bus, ['fleet.changed']);
  const pairing = new PairingService(fleet, clock.now, bus);
  return { pairing, fleet, clock, published };
}

const aScreen = () => ({ address: '10.0.0.7', userAgent: 'Chromium kiosk' });
const approval = (code: string) => ({ code, name: 'Booth A', role: 'booth' as const });

describe('pairing', () => {
  it('hands the approved screen its token at its next claim, once', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = pairing.open(aScreen());
    expect(pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'pending' });
    expect(await pairing.approve(approval(ticket.code), anOperator())).toEqual({ id: 'device-1' });
    expect(pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'paired', token: 'token-device-1', device: { id: 'device-1', name: 'Booth A' } });
    expect(() => pairing.claim({ id: ticket.id, secret: ticket.secret })).toThrow('No such pairing request');
    expect(fleet.created).toHaveLength(1);
  });

  it('lets a code be approved once only', async () => {
    const { pairing, fleet } = pairingService();
    const ticket = pairing.open(aScreen());
    await pairing.approve(approval(ticket.code), anOperator());
    await expect(pairing.approve(approval(ticket.code), anOperator())).rejects.toThrow(`no screen is waiting with code ${ticket.code}`);
    expect(fleet.created).toHaveLength(1);
    expect(pairing.pending()).toEqual([]);
  });

  it('expires a code after ten minutes: it can no longer be approved, and the screen is told to ask again', async () => {
    const { pairing, fleet, clock } = pairingService();
    const ticket = pairing.open(aScreen());
    clock.advance(PAIRING_TTL_MS - 1);
    expect(pairing.pending().map((p) => p.code)).toEqual([ticket.code]);
    clock.advance(1);
    expect(() => pairing.claim({ id: ticket.id, secret: ticket.secret })).toThrow(expect.objectContaining({ status: 410, code: 'pairing_expired' }));
    const late = pairing.open(aScreen());
    clock.advance(PAIRING_TTL_MS);
    await expect(pairing.approve(approval(late.code), anOperator())).rejects.toThrow('codes expire after 10 minutes');
    expect(pairing.pending()).toEqual([]);
    expect(fleet.created).toEqual([]);
  });

  it('keeps an approved token for a slow screen a while after its code expired', async () => {
    const { pairing, clock } = pairingService();
    const ticket = pairing.open(aScreen());
    clock.advance(PAIRING_TTL_MS - 1_000);
    await pairing.approve(approval(ticket.code), anOperator());
    clock.advance(PAIRING_TTL_MS);
    expect(pairing.claim({ id: ticket.id, secret: ticket.secret })).toMatchObject({ status: 'paired' });
  });

  it('gives nothing to a claim with the wrong secret', async () => {
    const { pairing } = pairingService();
    const ticket = pairing.open(aScreen());
    await pairing.approve(approval(ticket.code), anOperator());
    expect(() => pairing.claim({ id: ticket.id, secret: `${ticket.secret}x` })).toThrow('No such pairing request');
    expect(() => pairing.claim({ id: ticket.id, secret: 'short' })).toThrow('No such pairing request');
  });

  it('tells the console when a code starts waiting and when it is approved', async () => {
    const { pairing, published } = pairingService();
    const ticket = pairing.open(aScreen());
    await pairing.approve(approval(ticket.code), anOperator());
    expect(published).toEqual([
      { name: 'fleet.changed', payload: { cause: 'pairing' } },
      { name: 'fleet.changed', payload: { cause: 'pairing' } },
    ]);
  });
});
