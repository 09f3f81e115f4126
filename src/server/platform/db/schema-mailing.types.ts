/** Tables of the public mailing list (migration 0010-mailing). Times are ISO-8601 UTC text, booleans 0/1. */

/** pending: waiting for the double opt-in (purged after its `confirm_by`); confirmed: receives mailings. */
export type SubscriberStatus = "pending" | "confirmed";

export interface SubscribersTable {
  id: string;
  mandate_id: string;
  /** Keyed hash (HMAC-SHA-256 under a key derived from the master key) of the lowercased address: lookup, uniqueness. */
  email_hash: string;
  /** The address itself, sealed (envelope encryption bound to the subscriber id). */
  key_id: string;
  wrapped_key: string;
  ciphertext: string;
  language: string;
  topic_press_releases: number;
  topic_reports: number;
  topic_communications: number;
  status: SubscriberStatus;
  /** Pending only: when the address is deleted unless confirmed. */
  confirm_by: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** sending: deliveries are going out; done: none is pending; withdrawn: the release stopped being public meanwhile. */
export type MailingStatus = "sending" | "done" | "withdrawn";

export interface MailingsTable {
  id: string;
  mandate_id: string;
  press_release_id: string;
  status: MailingStatus;
  /** Deliveries created (one per confirmed subscriber of the topic at the time). */
  total: number;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

/** sending: claimed by a worker (a crash leaves it so; it is sent again with the same Message-ID). */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

export interface MailingDeliveriesTable {
  id: string;
  mailing_id: string;
  /** Null once the subscriber left the list or was erased: the log keeps no link to the address. */
  subscriber_id: string | null;
  language: string;
  status: DeliveryStatus;
  attempts: number;
  claimed_at: string | null;
  sent_at: string | null;
  /** Short, never an address. */
  last_error: string | null;
  created_at: string;
}

export interface MailingTables {
  subscribers: SubscribersTable;
  mailings: MailingsTable;
  mailing_deliveries: MailingDeliveriesTable;
}
