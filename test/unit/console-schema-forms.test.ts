import { describe, expect, it } from 'vitest';
import { slotPayload, type SlotForm } from '../../kiosk/lib/console/schedule-form';
import { validated } from '../../kiosk/lib/console/field-errors';
import { CreateUserSchema } from '../../shared/auth.schema';
import { PairingApprovalSchema } from '../../shared/devices.schema';
import { CreateGroupSchema } from '../../shared/groups.schema';

const ZONE = 'Asia/Shanghai';
const pin = (startsAt: string, endsAt: string): SlotForm => ({ kind: 'scene-pin', item: '', target: 'device:d1', scene: 'roadshow', startsAt, endsAt });

describe('console forms checked with the server’s schemas', () => {
  it('reads a slot’s datetime-local values on the exhibition’s clock, not the browser’s', () => {
    expect(slotPayload(pin('2023-11-12T14:00', '2023-11-12T15:30'), ZONE)).toEqual({
      ok: true,
      body: { kind: 'scene-pin', target: { type: 'device', id: 'd1' }, scene: 'roadshow', startsAt: '2023-11-12T06:00:00.000Z', endsAt: '2023-11-12T07:30:00.000Z' },
    });
  });

  it('refuses a slot ending before it starts, or lasting more than a day, with the server’s messages', () => {
    expect(slotPayload(pin('2023-11-12T14:00', '2023-11-12T13:00'), ZONE)).toEqual({ ok: false, fields: { endsAt: 'must be after startsAt' } });
    expect(slotPayload(pin('2023-11-12T14:00', '2023-11-13T14:01'), ZONE)).toEqual({ ok: false, fields: { endsAt: 'a slot may last at most 24 hours' } });
  });

  it('says which select is still empty and which time cannot be read', () => {
    expect(slotPayload({ ...pin('', '2023-11-12T15:00'), target: '', scene: '' }, ZONE)).toEqual({
      ok: false,
      fields: { startsAt: 'must be a date and time', 'target.id': 'choose a screen or a group', scene: 'choose a scene' },
    });
    expect(slotPayload({ ...pin('2023-11-12T14:00', ''), kind: 'publish' }, ZONE)).toEqual({ ok: false, fields: { item: 'choose an item' } });
  });

  it('names the failing fields as the server does, and passes on the parsed body', () => {
    expect(validated(CreateGroupSchema, { name: '  ', deviceIds: [] })).toEqual({ ok: false, fields: { name: 'must not be empty' } });
    expect(validated(PairingApprovalSchema, { code: 'ab12', name: 'Booth', role: 'booth' })).toEqual({ ok: false, fields: { code: 'must be the 6-character code the screen shows' } });
    expect(validated(PairingApprovalSchema, { code: ' abc234 ', name: ' Booth 1 ', role: 'booth' })).toMatchObject({ ok: true, body: { code: 'ABC234', name: 'Booth 1' } });
    expect(validated(CreateUserSchema, { username: 'a', role: 'operator', password: 'short' })).toEqual({
      ok: false,
      fields: { username: 'must be 2–32 letters, digits, dots, dashes or underscores', password: 'must be at least 10 characters' },
    });
  });
});
