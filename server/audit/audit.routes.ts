import { Router } from 'express';
import { AuditQuerySchema } from '../../shared/audit.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { AuditNames } from './audit-names';
import { auditToCsv, type AuditService } from './audit.service';

export function auditRoutes(deps: { audit: AuditService; auth: AuthService; names?: AuditNames }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  router.get('/api/v1/audit', staff, async (req, res) => {
    const entries = await deps.audit.query(parseOrThrow(AuditQuerySchema, req.query));
    res.json({ entries: deps.names ? await deps.names.name(entries) : entries });
  });
  router.get('/api/v1/audit.csv', staff, async (req, res) => {
    const entries = await deps.audit.query(parseOrThrow(AuditQuerySchema, req.query));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`showfloor-audit-${new Date().toISOString().slice(0, 10)}.csv`)
      .send(auditToCsv(entries));
  });
  return router;
}
