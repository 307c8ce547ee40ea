// The audit trail (table audit_event): recording an event in the write's transaction, and reading an entity's history.
export { recordAudit, withApiTokenAudit, type AuditEntry } from './record';
export { listAuditEvents, listObservationAuditEvents, listStatusUpdateAuditEvents } from './audit-events';
