import { describe, expect, it } from 'vitest';
import { conflictsOf, slotConflicts, slotsConflict, type PublishLike, type SlotLike } from '../../shared/schedule.rules';

const at = (hm: string) => `2023-11-12T${hm}:00.000Z`;
const pin = (id: string, target: SlotLike['target'], scene: string, from: string, to: string): SlotLike => ({ id, target, scene, startsAt: at(from), endsAt: at(to) });
const publish = (id: string, item: string, published: boolean, when: string): PublishLike => ({ id, kind: 'item-publish', item, published, startsAt: when });
const screen = (id: string) => ({ type: 'device' as const, id });
const members = (id: string) => (id === 'hall-b' ? ['s1', 's2'] : undefined);

describe('run-of-show conflicts', () => {
  it('flags two overlapping pins with different scenes on the same display', () => {
    expect(slotsConflict(pin('a', screen('s1'), 'overview', '09:00', '10:00'), pin('b', screen('s1'), 'roadshow', '09:30', '10:30'), members)).toBe(true);
  });

  it('does not flag pins that only touch, show the same scene, or sit on different displays', () => {
    const a = pin('a', screen('s1'), 'overview', '09:00', '10:00');
    expect(slotsConflict(a, pin('b', screen('s1'), 'roadshow', '10:00', '11:00'), members)).toBe(false);
    expect(slotsConflict(a, pin('c', screen('s1'), 'overview', '09:30', '10:30'), members)).toBe(false);
    expect(slotsConflict(a, pin('d', screen('s3'), 'roadshow', '09:30', '10:30'), members)).toBe(false);
  });

  it('flags a group pin against a pin on one of its members, and not on a screen outside it', () => {
    const group = pin('g', { type: 'group', id: 'hall-b' }, 'visitors', '09:00', '12:00');
    expect(slotsConflict(group, pin('m', screen('s2'), 'roadshow', '11:00', '11:30'), members)).toBe(true);
    expect(slotsConflict(group, pin('o', screen('s9'), 'roadshow', '11:00', '11:30'), members)).toBe(false);
  });

  it('flags a publish and an unpublish of the same item that cross within a minute', () => {
    const up = publish('p', 'alpha', true, '2023-11-12T12:00:00.000Z');
    expect(slotsConflict(up, publish('u', 'alpha', false, '2023-11-12T12:00:30.000Z'), members)).toBe(true);
    expect(slotsConflict(up, publish('u2', 'alpha', false, '2023-11-12T12:01:00.000Z'), members)).toBe(false);
    expect(slotsConflict(up, publish('same', 'alpha', true, '2023-11-12T12:00:00.000Z'), members)).toBe(false);
    expect(slotsConflict(up, publish('other', 'beta', false, '2023-11-12T12:00:00.000Z'), members)).toBe(false);
    expect(slotsConflict(up, pin('x', screen('s1'), 'overview', '11:00', '13:00'), members)).toBe(false);
  });

  it('lists every conflict both ways, and what a candidate would conflict with (never itself)', () => {
    const slots = [pin('a', screen('s1'), 'overview', '09:00', '10:00'), pin('b', screen('s1'), 'roadshow', '09:30', '10:30'), pin('c', { type: 'group', id: 'hall-b' }, 'visitors', '09:45', '09:50')];
    const all = slotConflicts(slots, members);
    expect(all.get('a')).toEqual(['b', 'c']);
    expect(all.get('b')).toEqual(['a', 'c']);
    expect(all.get('c')).toEqual(['a', 'b']);
    expect(conflictsOf(slots[0]!, slots, members)).toEqual(['b', 'c']);
    expect(conflictsOf({ ...slots[0]!, startsAt: at('11:00'), endsAt: at('12:00') }, slots, members)).toEqual([]);
  });
});
