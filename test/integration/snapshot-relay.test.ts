import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayedSnapshots } from '../../server/cluster/snapshot-relay';
import type { Snapshot } from '../../shared/snapshot.schema';
import { startTestServer, type TestServer } from '../support/test-server';

/** A node's copy of the owner's state, fed with real snapshots of a running server. */
describe('relayed snapshots (what a node that does not own the projection serves)', () => {
  let t: TestServer;
  let real: Snapshot;
  const relayed = () => new RelayedSnapshots({ now: () => Date.parse('2023-11-12T02:00:00Z'), publicUrl: () => 'http://node-b:3000' });
  const message = (seq: number, withContent: boolean) => {
    const { exhibition, sections, ...state } = real;
    return JSON.stringify({ seq, state: { ...state, seq }, ...(withContent ? { content: { contentVersion: state.contentVersion, exhibition, sections } } : {}) });
  };

  beforeAll(async () => {
    t = await startTestServer();
    real = t.server.snapshot();
  });
  afterAll(() => t.stop());

  it('serves the owner state with the content, this node’s address and clock, and each view its counters', () => {
    const r = relayed();
    expect(() => r.current()).toThrow(/no live state from the owner/);
    expect(r.receive(message(40, true))).toBe('stored');
    const snapshot = r.current().snapshot;
    expect(snapshot).toEqual({ ...real, seq: 40, publicUrl: 'http://node-b:3000', serverTime: '2023-11-12T02:00:00.000Z' });
    expect(JSON.parse(r.current().json)).toEqual(snapshot);
    expect(r.current('phone').snapshot.seq).toBe(40);
    expect(r.seq).toBe(40);
  });

  it('never goes back to an older state, and waits for the content of a version it does not hold', () => {
    const r = relayed();
    expect(r.receive(message(40, false))).toBe('needs-content');
    expect(r.ready).toBe(false);
    expect(r.receive(message(41, true))).toBe('stored');
    expect(r.receive(message(42, false))).toBe('stored');
    expect(r.receive(message(41, false))).toBe('stale');
    expect(r.receive(message(42, false))).toBe('stale');
    expect(r.current().snapshot.seq).toBe(42);
  });

  it('refuses what is not an owner state', () => {
    const r = relayed();
    expect(r.receive('not json')).toBe('invalid');
    expect(r.receive(JSON.stringify({ seq: 5, state: { seq: 5 } }))).toBe('invalid');
    // The seq named and the state's own must agree.
    expect(r.receive(message(5, true).replace('"seq":5,', '"seq":6,'))).toBe('invalid');
    expect(r.ready).toBe(false);
  });
});
