import {
  auditHeldResponseSchema,
  auditPushResponseSchema,
  auditTailSchema,
  type AuditEntryWire,
  type AuditHeldResponse,
  type AuditPushResponse,
  type AuditTail,
} from '../../core/sync/audit-protocol';
import { callServer } from './sync-client';

/** Where the server's copy of this laptop's audit trail ends. */
export function fetchAuditTail(serverUrl: string, token: string): Promise<AuditTail> {
  return callServer(serverUrl, '/audit/tail', auditTailSchema, { method: 'GET', token });
}

/** Sends audit entries following the server's tail, oldest first. */
export function pushAuditEntries(serverUrl: string, token: string, entries: readonly AuditEntryWire[]): Promise<AuditPushResponse> {
  return callServer(serverUrl, '/audit/push', auditPushResponseSchema, { method: 'POST', token, body: { entries } });
}

/** A page of what the server holds of this laptop's trail, after `afterSeq`. */
export function fetchHeldAudit(serverUrl: string, token: string, afterSeq: number, limit = 1_000): Promise<AuditHeldResponse> {
  return callServer(serverUrl, '/audit/held', auditHeldResponseSchema, { method: 'POST', token, body: { afterSeq, limit } });
}
