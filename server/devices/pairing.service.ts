import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PairingApproval, PairingClaim, PairingClaimResult, PairingTicket, PendingPairing } from '../../shared/devices.schema';
import type { Actor } from '../audit/audit.service';
import type { BackgroundTasks } from '../platform/background';
import type { DomainEventPublisher } from '../platform/domain-events';
import { AppError, notFound } from '../platform/errors';
import { toConfig, type DevicesService } from './devices.service';
import type { PairingRepository, PairingTicketRecord } from './pairing.repository';

/** Codes are read off a screen and typed on a tablet: no 0/O or 1/I/L to confuse. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_TTL_MS = 10 * 60_000;
/** An approved ticket waits this much longer for its screen, so a slow claim still gets the token. */
const HANDOVER_GRACE_MS = PAIRING_TTL_MS;
/** An unauthenticated endpoint must not let anyone fill the table with tickets. */
const MAX_PENDING = 1000;
/**
 * 31^6 codes against at most ~1000 live ones: a draw collides about once in a million, so a few
 * draws always suffice; the bound only keeps a broken database from looping forever.
 */
const MAX_CODE_DRAWS = 8;
const SWEEP_EVERY_MS = 60_000;

const digest = (secret: string) => createHash('sha256').update(secret).digest();

export interface PairingDeps {
  repository: PairingRepository;
  devices: Pick<DevicesService, 'create'>;
  now: () => number;
  /** Told when the list of waiting codes changed (the console shows it live). */
  bus: DomainEventPublisher;
  tasks: BackgroundTasks;
}

/**
 * Pairing a screen without typing on it: the screen asks for a ticket and shows its code; an
 * operator approves the code with a name and settings; the screen's next claim receives its token.
 * Tickets live in the database, so a code shown by a screen connected to one node can be approved
 * on another, and survives a restart.
 */
export class PairingService {
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(private readonly deps: PairingDeps) {
    this.sweepTimer = setInterval(() => void deps.tasks.runAsync('pairing.sweep', () => this.sweep()), SWEEP_EVERY_MS);
    this.sweepTimer.unref();
  }

  async open(client: { address: string | null; userAgent: string | null }): Promise<PairingTicket> {
    const now = this.deps.now();
    if ((await this.deps.repository.countWaiting(now)) >= MAX_PENDING) {
      throw new AppError(503, 'pairing_busy', 'Too many screens are waiting to be paired; try again in a minute');
    }
    const secret = randomBytes(24).toString('base64url');
    const ticket: PairingTicketRecord = {
      id: randomUUID(),
      code: '',
      secretDigest: digest(secret),
      createdAt: now,
      expiresAt: now + PAIRING_TTL_MS,
      address: client.address,
      userAgent: client.userAgent?.slice(0, 200) ?? null,
      approvedAt: null,
    };
    for (let draw = 0; ; draw++) {
      if (draw === MAX_CODE_DRAWS) throw new AppError(503, 'pairing_busy', 'No free pairing code was found; try again in a minute');
      ticket.code = randomCode();
      if (await this.deps.repository.insert(ticket)) break;
    }
    this.deps.bus.publish('fleet.changed', { cause: 'pairing' });
    return { id: ticket.id, code: ticket.code, secret, expiresAt: new Date(ticket.expiresAt).toISOString() };
  }

  /** Codes waiting for an operator, newest first. */
  async pending(): Promise<PendingPairing[]> {
    const waiting = await this.deps.repository.waiting(this.deps.now());
    return waiting.map((t) => ({ code: t.code, createdAt: new Date(t.createdAt).toISOString(), expiresAt: new Date(t.expiresAt).toISOString(), address: t.address, userAgent: t.userAgent }));
  }

  /** An operator approves a code: the device is created now, its token waits for the screen. */
  async approve(approval: PairingApproval, actor: Actor): Promise<{ id: string }> {
    // Taken first, in the database: of two operators (or nodes) approving one code, one gets it.
    const ticketId = await this.deps.repository.reserve(approval.code, this.deps.now());
    if (!ticketId) throw notFound(`code: no screen is waiting with code ${approval.code} (codes expire after 10 minutes and work once)`);
    const { code: _code, ...settings } = approval;
    let created: Awaited<ReturnType<DevicesService['create']>>;
    try {
      created = await this.deps.devices.create(settings, actor);
    } catch (error) {
      // An unknown section, a storage fault: the code is free again for a corrected approval.
      await this.deps.repository.release(ticketId);
      throw error;
    }
    // Only a sweep of a ticket long expired can make this miss; the device then exists without a screen.
    if (!(await this.deps.repository.recordApproval(ticketId, { token: created.token, device: toConfig(created.device) }))) {
      throw new AppError(410, 'pairing_expired', `code: the request of code ${approval.code} expired while it was approved; revoke the device "${created.device.name}" and pair the screen again`);
    }
    this.deps.bus.publish('fleet.changed', { cause: 'pairing' });
    return { id: created.id };
  }

  /** The screen asks whether it has been approved. */
  async claim(claim: PairingClaim): Promise<PairingClaimResult> {
    const gone = () => notFound('No such pairing request; ask for a new code');
    const ticket = await this.deps.repository.find(claim.id);
    const given = digest(claim.secret);
    if (!ticket || !timingSafeEqual(given, ticket.secretDigest)) throw gone();
    const now = this.deps.now();
    if (ticket.approvedAt !== null) {
      // Left for the sweep: the same answer the sweep would have given had it run already.
      if (ticket.expiresAt + HANDOVER_GRACE_MS <= now) throw gone();
      const handover = await this.deps.repository.takeApproved(ticket.id, given);
      if (handover) return { status: 'paired', token: handover.token, device: handover.device };
      const current = await this.deps.repository.find(ticket.id);
      // Another claim (a retry, another node) took the token first.
      if (!current) throw gone();
      // Approved, but the device is still being stored: the screen asks again in a moment.
      if (current.approvedAt !== null) return { status: 'pending', expiresAt: new Date(ticket.expiresAt).toISOString() };
      // Otherwise the approval failed and gave the ticket back: it is waiting again.
    }
    if (ticket.expiresAt <= now) {
      await this.deps.repository.deleteWaiting(ticket.id);
      throw new AppError(410, 'pairing_expired', 'The code expired; ask for a new one');
    }
    return { status: 'pending', expiresAt: new Date(ticket.expiresAt).toISOString() };
  }

  /** Removes expired tickets; the timer calls it every minute. */
  async sweep(): Promise<number> {
    const now = this.deps.now();
    return this.deps.repository.deleteExpired({ waitingBefore: now, anyBefore: now - HANDOVER_GRACE_MS });
  }

  close(): void {
    clearInterval(this.sweepTimer);
  }
}

function randomCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
