import type { BackgroundTasks } from '../platform/background';
import type { DomainEventPublisher } from '../platform/domain-events';
import type { CountersService } from './counters.service';

/**
 * At midnight in TIME_ZONE "today" starts from zero on every screen without waiting for an event:
 * a check every `intervalMs` publishes `counters.changed` once the day turned. Returns the stop.
 */
export function watchDayTurn(deps: {
  counters: Pick<CountersService, 'dayTurned' | 'refresh'>;
  bus: DomainEventPublisher;
  tasks: BackgroundTasks;
  intervalMs?: number;
  /** Several nodes: only the owner of the live projection watches; the others follow its `counters.changed`. */
  owner?: { isOwner(): boolean };
}): () => void {
  const timer = setInterval(() => {
    if (deps.owner && !deps.owner.isOwner()) return;
    void deps.tasks.runAsync('counters.day', async () => {
      if (!deps.counters.dayTurned()) return;
      await deps.counters.refresh();
      deps.bus.publish('counters.changed', { cause: 'day' });
    });
  }, deps.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
