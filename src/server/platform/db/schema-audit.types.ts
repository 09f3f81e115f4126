/** The one-row head of the audit chain: the newest sealed link and the master key the chain is keyed under. */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
  key_id: string | null;
  sealed_at: string | null;
}

export interface AuditChainTables {
  audit_chain_head: AuditChainHeadTable;
}
