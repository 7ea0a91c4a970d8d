import type { AuditEntry } from '../../../shared/audit.schema';
import type { Api } from './api';
import { auditQuery, emptyAuditFilters, type AuditFilters } from './audit-query';

/** How many entries the table shows; the CSV export has the server's own (higher) limit. */
export const AUDIT_PAGE = 200;

/** The audit log with the filters the operator applied (the CSV link uses the same ones). */
export class AuditStore {
  entries = $state.raw<AuditEntry[]>([]);
  /** The filters being edited in the form. */
  filters = $state<AuditFilters>(emptyAuditFilters());
  /** The filters of the entries on screen (and of the export link). */
  applied = $state.raw<AuditFilters>(emptyAuditFilters());
  loading = $state(false);
  error = $state<string | null>(null);

  readonly csvHref = $derived.by(() => `/api/v1/audit.csv${auditQuery(this.applied, this.timeZone())}`);

  /** `timeZone()`: the zone the filter times are typed in (the exhibition's). */
  constructor(
    private readonly api: Api,
    private readonly timeZone: () => string,
  ) {}

  async load(): Promise<void> {
    const filters = $state.snapshot(this.filters) as AuditFilters;
    this.loading = true;
    const result = await this.api.get<{ entries: AuditEntry[] }>(`/api/v1/audit${auditQuery(filters, this.timeZone(), AUDIT_PAGE)}`);
    this.loading = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.entries = result.data.entries;
    this.applied = filters;
  }

  clearFilters(): Promise<void> {
    this.filters = emptyAuditFilters();
    return this.load();
  }

  reset(): void {
    this.entries = [];
    this.filters = emptyAuditFilters();
    this.applied = emptyAuditFilters();
  }
}
