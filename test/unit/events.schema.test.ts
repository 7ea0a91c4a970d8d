import { describe, expect, it } from 'vitest';
import { EventBatchSchema } from '../../shared/events.schema';
import { describeZodError } from '../../server/platform/errors';

const valid = { id: '6f1c2f4e-8b1a-4c5d-9e2f-0a1b2c3d4e5f', type: 'view', section: 'experts', item: 'oc-ta-exm', at: '2023-11-12T10:00:00+08:00' };
const errorOf = (body: unknown) => {
  const result = EventBatchSchema.safeParse(body);
  if (result.success) throw new Error('expected a validation error');
  return describeZodError(result.error);
};

describe('event batch schema', () => {
  it('accepts a valid batch', () => {
    expect(EventBatchSchema.safeParse({ events: [valid] }).success).toBe(true);
  });

  it('names the field of the event that is wrong', () => {
    expect(errorOf({ events: [valid, { ...valid, id: 'nope' }] })).toContain('events[1].id');
    expect(errorOf({ events: [{ ...valid, type: 'click' }] })).toContain('events[0].type');
    expect(errorOf({ events: [{ ...valid, at: 'yesterday' }] })).toContain('events[0].at');
  });

  it('requires what each type needs', () => {
    expect(errorOf({ events: [{ ...valid, item: undefined }] })).toContain('events[0].item: is required for view events');
    expect(errorOf({ events: [{ ...valid, type: 'dwell' }] })).toContain('events[0].ms: is required for dwell events');
    expect(errorOf({ events: [{ ...valid, type: 'tap', section: undefined, item: undefined }] })).toContain('events[0].section');
  });

  it('accepts exits without a section and badges on visits only, naming what is wrong', () => {
    const visit = { id: valid.id, type: 'visit', at: valid.at };
    expect(EventBatchSchema.safeParse({ events: [{ ...visit, type: 'exit' }] }).success).toBe(true);
    expect(EventBatchSchema.safeParse({ events: [{ ...visit, badge: 'HZ-2023-000417' }] }).success).toBe(true);
    expect(errorOf({ events: [{ ...visit, type: 'exit', badge: 'HZ-1' }] })).toContain('events[0].badge: only visit events carry a badge, not exit events');
    expect(errorOf({ events: [{ ...visit, badge: '' }] })).toContain('events[0].badge: must not be empty');
    expect(errorOf({ events: [{ ...visit, badge: 'A\u0000B' }] })).toContain('events[0].badge: must not contain control characters');
    expect(errorOf({ events: [{ ...visit, badge: 'x'.repeat(513) }] })).toContain('events[0].badge: must be at most 512 characters');
    expect(errorOf({ events: [{ ...visit, badge: 42 }] })).toContain('events[0].badge');
  });

  it('refuses unknown fields, empty and oversized batches', () => {
    expect(errorOf({ events: [{ ...valid, visitor: 'Alice' }] })).toContain('events[0]');
    expect(errorOf({ events: [] })).toContain('events: must hold at least one event');
    expect(errorOf({ events: Array.from({ length: 501 }, () => valid) })).toContain('at most 500');
  });

  it('refuses negative or fractional dwell times', () => {
    expect(errorOf({ events: [{ ...valid, type: 'dwell', ms: -1 }] })).toContain('events[0].ms');
    expect(errorOf({ events: [{ ...valid, type: 'dwell', ms: 1.5 }] })).toContain('events[0].ms');
  });
});
