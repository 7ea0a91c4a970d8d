import { fromZonedInput } from './local-time';

/** The audit filters as the form holds them (times are datetime-local values). */
export interface AuditFilters {
  action: string;
  username: string;
  targetType: string;
  from: string;
  to: string;
}

export const emptyAuditFilters = (): AuditFilters => ({ action: '', username: '', targetType: '', from: '', to: '' });

/**
 * The query string for GET /api/v1/audit and /api/v1/audit.csv: the same filters for the table
 * and the export, so the file holds exactly what the operator sees. Empty filters are left out;
 * the times are read on the wall clock of `timeZone`.
 */
export function auditQuery(filters: AuditFilters, timeZone: string, limit?: number): string {
  const params = new URLSearchParams();
  const text = (key: 'action' | 'username' | 'targetType') => {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  };
  text('action');
  text('username');
  text('targetType');
  const from = fromZonedInput(filters.from, timeZone);
  const to = fromZonedInput(filters.to, timeZone);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (limit !== undefined) params.set('limit', String(limit));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The actions the server records, for the filter's suggestions (others still work when typed). */
export const KNOWN_ACTIONS = [
  'item.create',
  'item.update',
  'item.rollback',
  'item.delete',
  'section.update',
  'exhibition.update',
  'content.replace',
  'image.upload',
  'announcement.create',
  'announcement.withdraw',
  'device.create',
  'device.revoke',
  'device.command.reload',
  'device.command.identify',
  'device.command.pin-scene',
  'device.command.next-scene',
  'counters.correct',
  'counters.reset-day',
  'user.create',
  'user.update',
  'user.password-reset',
] as const;

export const KNOWN_TARGET_TYPES = ['item', 'section', 'exhibition', 'content', 'image', 'announcement', 'device', 'counters', 'user'] as const;
