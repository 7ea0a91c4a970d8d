import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PairingApproval, PairingClaim, PairingClaimResult, PairingTicket, PendingPairing } from '../../shared/devices.schema';
import type { Actor } from '../audit/audit.service';
import { AppError, notFound } from '../platform/errors';
import { toConfig, type DevicesService } from './devices.service';
import type { DomainEventPublisher } from '../platform/domain-events';

/** Codes are read off a screen and typed on a tablet: no 0/O or 1/I/L to confuse. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_TTL_MS = 10 * 60_000;
/** An unauthenticated endpoint must not let anyone fill memory with tickets. */
const MAX_PENDING = 1000;

interface Ticket {
  id: string;
  code: string;
  secretDigest: Buffer;
  createdAt: number;
  expiresAt: number;
  address: string | null;
  userAgent: string | null;
  /** Set once an operator approved it; handed over at the next claim, then the ticket is gone. */
  approved?: PairingClaimResult & { status: 'paired' };
  /** Set while the approval's device is being stored, so a second approval of the same code finds nothing. */
  approving?: boolean;
}

const digest = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * Pairing a screen without typing on it: the screen asks for a ticket and shows its code; an
 * operator approves the code with a name and settings; the screen's next claim receives its token.
 * Tickets live in memory: after a restart a screen simply asks for a new code.
 */
export class PairingService {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly devices: Pick<DevicesService, 'create'>,
    private readonly now: () => number,
    /** Told when the list of waiting codes changed (the console shows it live). */
    private readonly bus: DomainEventPublisher,
  ) {}

  open(client: { address: string | null; userAgent: string | null }): PairingTicket {
    this.sweep();
    if (this.tickets.size >= MAX_PENDING) throw new AppError(503, 'pairing_busy', 'Too many screens are waiting to be paired; try again in a minute');
    const secret = randomBytes(24).toString('base64url');
    const ticket: Ticket = {
      id: randomUUID(),
      code: this.uniqueCode(),
      secretDigest: digest(secret),
      createdAt: this.now(),
      expiresAt: this.now() + PAIRING_TTL_MS,
      address: client.address,
      userAgent: client.userAgent?.slice(0, 200) ?? null,
    };
    this.tickets.set(ticket.id, ticket);
    this.bus.publish('fleet.changed', { cause: 'pairing' });
    return { id: ticket.id, code: ticket.code, secret, expiresAt: new Date(ticket.expiresAt).toISOString() };
  }

  /** Codes waiting for an operator, newest first. */
  pending(): PendingPairing[] {
    this.sweep();
    return [...this.tickets.values()]
      .filter((t) => !t.approved)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((t) => ({ code: t.code, createdAt: new Date(t.createdAt).toISOString(), expiresAt: new Date(t.expiresAt).toISOString(), address: t.address, userAgent: t.userAgent }));
  }

  /** An operator approves a code: the device is created now, its token waits for the screen. */
  async approve(approval: PairingApproval, actor: Actor): Promise<{ id: string }> {
    this.sweep();
    const ticket = [...this.tickets.values()].find((t) => t.code === approval.code && !t.approved && !t.approving);
    if (!ticket) throw notFound(`code: no screen is waiting with code ${approval.code} (codes expire after 10 minutes and work once)`);
    const { code: _code, ...settings } = approval;
    ticket.approving = true;
    const created = await this.devices.create(settings, actor).finally(() => (ticket.approving = false));
    ticket.approved = { status: 'paired', token: created.token, device: toConfig(created.device) };
    this.bus.publish('fleet.changed', { cause: 'pairing' });
    return { id: created.id };
  }

  /** The screen asks whether it has been approved. */
  claim(claim: PairingClaim): PairingClaimResult {
    const ticket = this.tickets.get(claim.id);
    const given = digest(claim.secret);
    if (!ticket || !timingSafeEqual(given, ticket.secretDigest)) throw notFound('No such pairing request; ask for a new code');
    if (ticket.approved) {
      this.tickets.delete(ticket.id);
      return ticket.approved;
    }
    if (ticket.expiresAt <= this.now()) {
      this.tickets.delete(ticket.id);
      throw new AppError(410, 'pairing_expired', 'The code expired; ask for a new one');
    }
    return { status: 'pending', expiresAt: new Date(ticket.expiresAt).toISOString() };
  }

  private uniqueCode(): string {
    const taken = new Set([...this.tickets.values()].map((t) => t.code));
    for (;;) {
      const code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      if (!taken.has(code)) return code;
    }
  }

  private sweep(): void {
    const now = this.now();
    // An approved ticket waits a little longer for its screen, so a slow claim still gets the token.
    for (const [id, t] of this.tickets) if (t.expiresAt + (t.approved ? PAIRING_TTL_MS : 0) <= now) this.tickets.delete(id);
  }
}
