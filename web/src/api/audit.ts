// The audit log (admins only): newest first, filtered, a page at a time.
import { usePagedQuery } from './paged';
import type { AuditEntry, AuditFilters } from './types';

export function useAuditLog(filters: AuditFilters) {
  return usePagedQuery<AuditEntry>({
    queryKey: ['audit', filters],
    path: '/api/audit',
    query: { ...filters },
    limit: 50,
  });
}
