import type { LiveState } from '../live.svelte';
import { AnnouncementsStore } from './announcements.svelte';
import { Api, type ApiError } from './api';
import { AuditStore } from './audit.svelte';
import { Clock } from './clock.svelte';
import { connectConsole, type ConsoleConnection } from './console-socket';
import { ContentStore } from './content.svelte';
import { CorrectionsStore } from './corrections.svelte';
import { FleetStore } from './fleet.svelte';
import { GroupsStore } from './groups.svelte';
import { ScheduleStore } from './schedule.svelte';
import { UiLanguage } from './lang.svelte';
import { Notices } from './notices.svelte';
import { Router } from './router.svelte';
import { SessionStore } from './session.svelte';
import { UsersStore } from './users.svelte';
import { ExhibitionZone } from './zone.svelte';

/**
 * The console's composition root: every store, built once per page and handed to components
 * through context. It opens the /console socket when a staff member signs in and closes it (and
 * forgets what it loaded) when the session ends, so the next person at the tablet starts clean.
 */
export class ConsoleApp {
  readonly ui = new UiLanguage();
  readonly notices = new Notices();
  readonly clock = new Clock();
  readonly api = new Api();
  readonly router = new Router();
  readonly session = new SessionStore(this.api);
  readonly content = new ContentStore(this.api, this.notices, this.ui);
  readonly fleet = new FleetStore();
  readonly groups = new GroupsStore(this.api, this.fleet);
  readonly schedule = new ScheduleStore(this.api);
  readonly announcements = new AnnouncementsStore(this.api);
  readonly corrections = new CorrectionsStore(this.api);
  readonly zone: ExhibitionZone;
  readonly audit: AuditStore;
  readonly users = new UsersStore(this.api);

  #connection: ConsoleConnection | null = null;
  /** Whose unsaved drafts the content store holds (kept across an expired session, see #ended). */
  #draftsOf: string | null = null;

  constructor(readonly live: LiveState) {
    this.zone = new ExhibitionZone(live);
    this.audit = new AuditStore(this.api, () => this.zone.id);
    this.api.onUnauthorized = () => this.#ended();
  }

  async start(): Promise<void> {
    await this.session.check();
    this.#afterSignIn();
  }

  async signIn(username: string, password: string): Promise<ApiError | null> {
    const error = await this.session.signIn(username, password);
    if (!error) this.#afterSignIn();
    return error;
  }

  async signOut(): Promise<void> {
    this.#stop();
    this.content.reset();
    this.#draftsOf = null;
    await this.session.signOut();
  }

  #afterSignIn(): void {
    const user = this.session.user;
    // Someone else at the tablet must not see (or save) the previous person's unsaved edits.
    if (user && this.#draftsOf !== null && this.#draftsOf !== user.id) this.content.reset();
    this.#draftsOf = user?.id ?? null;
    if (!this.session.isStaff || this.#connection) return;
    const connection = connectConsole({ fleet: this.fleet, onSessionLost: () => void this.#recheck() });
    this.#connection = connection;
    this.announcements.useSocket((id) => (connection.connected ? connection.withdrawAnnouncement(id) : null));
  }

  /** The socket was closed or refused: find out whether the session is still there. */
  async #recheck(): Promise<void> {
    await this.session.check();
    if (this.session.phase === 'signed-out') this.#ended();
  }

  /**
   * The session ended without the operator asking (idle expiry, signed out elsewhere, account
   * changed). Unsaved drafts stay: the same person signing in again finds them, and their base
   * versions still catch anything saved meanwhile as a conflict.
   */
  #ended(): void {
    this.session.expired();
    this.session.ended = true;
    this.#stop();
  }

  #stop(): void {
    this.#connection?.close();
    this.#connection = null;
    this.fleet.reset();
    this.content.forget();
    this.announcements.reset();
    this.announcements.useSocket(() => null);
    this.corrections.reset();
    this.audit.reset();
    this.users.reset();
    this.notices.clear();
  }
}
