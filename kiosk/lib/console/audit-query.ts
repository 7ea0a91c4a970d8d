import { fromZonedInput } from './local-time';

/** The audit filters as the form holds them (times are datetime-local values). */
export interface AuditFilters {
  action: string;
  username: string;
  targetType: string;
  /** A screen's id. */
  screen: string;
  from: string;
  to: string;
}

export const emptyAuditFilters = (): AuditFilters => ({ action: '', username: '', targetType: '', screen: '', from: '', to: '' });

/**
 * The query string for GET /api/v1/audit and /api/v1/audit.csv: the same filters for the table
 * and the export, so the file holds exactly what the operator sees. Empty filters are left out;
 * the times are read on the wall clock of `timeZone`.
 */
export function auditQuery(filters: AuditFilters, timeZone: string, limit?: number): string {
  const params = new URLSearchParams();
  const text = (key: 'action' | 'username' | 'targetType' | 'screen') => {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  };
  text('action');
  text('username');
  text('targetType');
  text('screen');
  const from = fromZonedInput(filters.from, timeZone);
  const to = fromZonedInput(filters.to, timeZone);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (limit !== undefined) params.set('limit', String(limit));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../../shared/audit.vocabulary';
