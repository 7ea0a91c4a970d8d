import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidV4 } from '../../kiosk/lib/kiosk/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('kiosk uuid', () => {
  it('makes version 4, RFC 9562 variant UUIDs that the events schema accepts', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidV4();
      expect(id).toMatch(V4);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(uuidV4((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('does not need crypto.randomUUID (absent on plain-http LAN origins)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(uuidV4()).toMatch(V4);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidV4()));
    expect(ids.size).toBe(10_000);
  });
});
