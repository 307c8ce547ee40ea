// The audit trail (table audit_event): recording an event in the write's transaction, and reading an entity's history.
export { recordAudit, recordAuditMany, withApiTokenAudit, type AuditEntry } from './record';
export { listAuditEvents, listObservationAuditEvents, listStatusUpdateAuditEvents, changesSince } from './audit-events';
