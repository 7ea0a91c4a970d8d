import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlPairingRepository, type PairingTicketRecord } from '../../server/devices/pairing.repository';
import type { Storage } from '../../server/storage/storage';
import { openTestStorage, testEngine } from '../support/test-storage';

const NOW = Date.parse('2023-11-12T02:00:00Z');
const TTL = 10 * 60_000;
let codes = 0;

const aTicket = (over: Partial<PairingTicketRecord> = {}): PairingTicketRecord => ({
  id: randomUUID(),
  code: `C${String(codes++).padStart(5, '0')}`,
  secretDigest: createHash('sha256').update('secret').digest(),
  createdAt: NOW,
  expiresAt: NOW + TTL,
  address: '10.0.0.7',
  userAgent: null,
  approvedAt: null,
  ...over,
});
const handover = { token: 'device-token', device: { id: 'd1', name: 'Booth 1', role: 'booth' as const, section: null, idleTimeoutSeconds: 60, sceneSeconds: 20, locale: 'zh-CN' as const } };

describe(`pairing tickets in storage (${testEngine()})`, () => {
  let storage: Storage;
  let close: () => Promise<void>;
  let repository: SqlPairingRepository;
  beforeAll(async () => {
    ({ storage, close } = await openTestStorage(testEngine()));
    repository = new SqlPairingRepository(storage);
  });
  afterAll(() => close());

  it('stores a ticket as given and refuses a second ticket with a code in use', async () => {
    const ticket = aTicket();
    expect(await repository.insert(ticket)).toBe(true);
    expect(await repository.find(ticket.id)).toEqual(ticket);
    expect(await repository.insert(aTicket({ code: ticket.code }))).toBe(false);
  });

  it('lets one of many approvals racing for a code reserve it', async () => {
    const ticket = aTicket();
    await repository.insert(ticket);
    const reserved = await Promise.all(Array.from({ length: 8 }, () => repository.reserve(ticket.code, NOW + 1)));
    expect(reserved.filter((id) => id !== undefined)).toEqual([ticket.id]);
    expect((await repository.waiting(NOW + 1)).map((t) => t.id)).not.toContain(ticket.id);
    expect(await repository.reserve(aTicket().code, NOW)).toBeUndefined();
  });

  it('reserves no expired code, and a released ticket waits again', async () => {
    const ticket = aTicket();
    await repository.insert(ticket);
    expect(await repository.reserve(ticket.code, ticket.expiresAt)).toBeUndefined();
    expect(await repository.reserve(ticket.code, NOW)).toBe(ticket.id);
    await repository.release(ticket.id);
    expect((await repository.find(ticket.id))?.approvedAt).toBeNull();
  });

  it('hands an approval over to one of many claims racing, and only with the right digest', async () => {
    const ticket = aTicket();
    await repository.insert(ticket);
    await repository.reserve(ticket.code, NOW);
    expect(await repository.takeApproved(ticket.id, ticket.secretDigest)).toBeUndefined();
    expect(await repository.recordApproval(ticket.id, handover)).toBe(true);
    expect(await repository.recordApproval(ticket.id, handover)).toBe(false);
    expect(await repository.takeApproved(ticket.id, createHash('sha256').update('other').digest())).toBeUndefined();
    const taken = await Promise.all(Array.from({ length: 8 }, () => repository.takeApproved(ticket.id, ticket.secretDigest)));
    expect(taken.filter(Boolean)).toEqual([handover]);
    expect(await repository.find(ticket.id)).toBeUndefined();
  });

  it('sweeps waiting tickets once expired and approved ones only past their later limit', async () => {
    const waiting = aTicket({ expiresAt: NOW - 1 });
    const approved = aTicket({ expiresAt: NOW - 1 });
    const fresh = aTicket();
    for (const t of [waiting, approved, fresh]) await repository.insert(t);
    await repository.reserve(approved.code, NOW - 2);
    expect(await repository.countWaiting(NOW)).toBeGreaterThanOrEqual(1);
    await repository.deleteExpired({ waitingBefore: NOW, anyBefore: NOW - TTL });
    expect(await repository.find(waiting.id)).toBeUndefined();
    expect(await repository.find(approved.id)).toBeDefined();
    expect(await repository.find(fresh.id)).toBeDefined();
    await repository.deleteExpired({ waitingBefore: NOW, anyBefore: NOW });
    expect(await repository.find(approved.id)).toBeUndefined();
    await repository.deleteWaiting(fresh.id);
    expect(await repository.find(fresh.id)).toBeUndefined();
  });
});
