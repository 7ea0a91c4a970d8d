import type { SessionUser } from '../../../shared/auth.schema';
import type { Api, ApiError } from './api';

export type SessionPhase = 'checking' | 'signed-out' | 'signed-in';

/** Who is signed in. The server is the judge of every request; this only decides what to show. */
export class SessionStore {
  user = $state.raw<SessionUser | null>(null);
  phase = $state<SessionPhase>('checking');
  /** Why the sign-in form is back: the session ended (idle expiry, signed out elsewhere, account changed). */
  ended = $state(false);

  readonly isStaff = $derived(this.user?.role === 'admin' || this.user?.role === 'operator');
  readonly isAdmin = $derived(this.user?.role === 'admin');

  constructor(private readonly api: Api) {}

  async check(): Promise<void> {
    const result = await this.api.get<{ user: SessionUser }>('/api/v1/session');
    if (result.ok) this.#signedIn(result.data.user);
    else if (result.error.status === 0 && this.user) return; // offline for a moment: keep working
    else this.#signedOut();
  }

  async signIn(username: string, password: string): Promise<ApiError | null> {
    const result = await this.api.post<{ user: SessionUser }>('/api/v1/session', { username, password });
    if (!result.ok) return result.error;
    this.ended = false;
    this.#signedIn(result.data.user);
    return null;
  }

  async signOut(): Promise<void> {
    await this.api.delete('/api/v1/session');
    this.ended = false;
    this.#signedOut();
  }

  /** A request was refused as unauthenticated: the session is gone; ask to sign in again. */
  expired(): void {
    if (this.phase !== 'signed-in') return;
    this.ended = true;
    this.#signedOut();
  }

  #signedIn(user: SessionUser): void {
    this.user = user;
    this.phase = 'signed-in';
  }

  #signedOut(): void {
    this.user = null;
    this.phase = 'signed-out';
  }
}
