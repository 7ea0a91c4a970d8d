import { describe, expect, it } from 'vitest';
import { DomainEvents } from '../../server/platform/domain-events';
import { testTasks } from '../support/fakes';

describe('domain-event bus', () => {
  it('delivers a typed payload to every subscriber, in the order they subscribed', () => {
    const bus = new DomainEvents(testTasks().tasks);
    const seen: string[] = [];
    bus.on('deal.changed', ({ meetingId }) => seen.push(`first ${meetingId}`));
    bus.on('deal.changed', ({ meetingId }) => seen.push(`second ${meetingId}`));
    bus.on('roadshow.changed', () => seen.push('roadshow'));
    bus.publish('deal.changed', { meetingId: 'm1' });
    expect(seen).toEqual(['first m1', 'second m1']);
  });

  it('stops delivering once unsubscribed', () => {
    const bus = new DomainEvents(testTasks().tasks);
    let calls = 0;
    const off = bus.on('content.changed', () => void calls++);
    bus.publish('content.changed', {});
    off();
    bus.publish('content.changed', {});
    expect(calls).toBe(1);
  });

  it('logs a throwing handler without breaking the publisher or the other handlers', () => {
    const { tasks, failures } = testTasks();
    const bus = new DomainEvents(tasks);
    const seen: string[] = [];
    bus.on('counters.changed', () => {
      throw new Error('screen unreachable');
    });
    bus.on('counters.changed', ({ cause }) => seen.push(cause));
    expect(() => bus.publish('counters.changed', { cause: 'events', increments: [] })).not.toThrow();
    expect(seen).toEqual(['events']);
    expect(failures).toEqual([{ task: 'event counters.changed', error: new Error('screen unreachable') }]);
  });

  it('publishes with nobody listening', () => {
    expect(() => new DomainEvents(testTasks().tasks).publish('rehearsal.cleared', {})).not.toThrow();
  });
});
