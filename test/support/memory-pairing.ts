import type { PairingHandover, PairingRepository, PairingTicketRecord } from '../../server/devices/pairing.repository';

type Row = PairingTicketRecord & { handover: PairingHandover | null };

/**
 * The pairing tickets in a Map, with the same conditions as the SQL statements: unique codes,
 * one reservation per ticket, one handover. `rows` lets a test look at what is stored.
 */
export function memoryPairingRepository() {
  const rows = new Map<string, Row>();
  const live = (r: Row, now: number) => r.approvedAt === null && r.expiresAt > now;
  const repository: PairingRepository = {
    async insert(ticket) {
      if ([...rows.values()].some((r) => r.code === ticket.code)) return false;
      rows.set(ticket.id, { ...ticket, handover: null });
      return true;
    },
    async find(id) {
      const row = rows.get(id);
      if (!row) return undefined;
      const { handover: _handover, ...ticket } = row;
      return { ...ticket };
    },
    async waiting(now) {
      return [...rows.values()].filter((r) => live(r, now)).sort((a, b) => b.createdAt - a.createdAt);
    },
    async countWaiting(now) {
      return [...rows.values()].filter((r) => live(r, now)).length;
    },
    async reserve(code, now) {
      const row = [...rows.values()].find((r) => r.code === code && live(r, now));
      if (!row) return undefined;
      row.approvedAt = now;
      return row.id;
    },
    async release(id) {
      const row = rows.get(id);
      if (row && !row.handover) row.approvedAt = null;
    },
    async recordApproval(id, handover) {
      const row = rows.get(id);
      if (!row || row.approvedAt === null || row.handover) return false;
      row.handover = handover;
      return true;
    },
    async takeApproved(id, secretDigest) {
      const row = rows.get(id);
      if (!row?.handover || !row.secretDigest.equals(secretDigest)) return undefined;
      rows.delete(id);
      return row.handover;
    },
    async deleteWaiting(id) {
      if (rows.get(id)?.approvedAt === null) rows.delete(id);
    },
    async deleteExpired({ waitingBefore, anyBefore }) {
      let removed = 0;
      for (const [id, r] of rows) {
        if ((r.approvedAt === null && r.expiresAt <= waitingBefore) || r.expiresAt <= anyBefore) {
          rows.delete(id);
          removed++;
        }
      }
      return removed;
    },
  };
  return { repository, rows };
}
