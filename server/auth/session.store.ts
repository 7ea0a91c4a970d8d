import session from 'express-session';
import type { BackgroundTasks } from '../platform/background';
import type { DomainEventSource } from '../platform/domain-events';
import type { SessionsRepository } from './sessions.repository';

/**
 * express-session's Store over the sessions repository, so operators stay signed in across
 * restarts. Expired sessions are ignored on read and removed in a periodic sweep.
 */
export class SessionStore extends session.Store {
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(
    private readonly repository: SessionsRepository,
    private readonly now: () => number,
    private readonly defaultTtlMs: number,
    tasks: BackgroundTasks,
    bus: DomainEventSource,
    /** Several nodes: only the owner of the live projection sweeps (one DELETE, not one per node). */
    owner: { isOwner(): boolean } = { isOwner: () => true },
  ) {
    super();
    // Disabled, demoted or a new password: every session of the user ends now.
    bus.on('user.access-changed', ({ userId }) => void tasks.runAsync('sessions.end-for-user', () => this.destroyForUser(userId)));
    this.sweepTimer = setInterval(() => {
      if (owner.isOwner()) void tasks.runAsync('sessions.sweep', () => this.repository.deleteExpired(this.now()));
    }, 10 * 60_000);
    this.sweepTimer.unref();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.answer(callback, async () => {
      const row = await this.repository.find(sid, this.now());
      return row ? (JSON.parse(row.data) as session.SessionData) : null;
    });
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    this.answer(callback, () => this.repository.save(sid, { data: JSON.stringify(data), userId: data.user?.id ?? null, expiresAt: this.expiry(data) }));
  }

  override touch(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    this.answer(callback, () => this.repository.touch(sid, this.expiry(data)));
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.answer(callback, () => this.repository.delete(sid));
  }

  /** The user signed in with session `sid`, if the session exists and has not expired. */
  async userIdOf(sid: string): Promise<string | undefined> {
    return (await this.repository.find(sid, this.now()))?.userId ?? undefined;
  }

  /** Ends every session of a user (disabled, or password reset). Returns their ids. */
  destroyForUser(userId: string): Promise<string[]> {
    return this.repository.deleteForUser(userId);
  }

  close(): void {
    clearInterval(this.sweepTimer);
  }

  /** express-session's callback style: the result, or the error instead of a throw. */
  private answer<T>(callback: ((err: unknown, result?: T) => void) | undefined, fn: () => Promise<T>): void {
    fn().then(
      (result) => callback?.(null, result),
      (error: unknown) => callback?.(error),
    );
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : this.now() + this.defaultTtlMs;
  }
}
