/** Tables of second factors (migration 0012-second-factors). Times are ISO-8601 UTC text. */

/** An authenticator app's secret, sealed (envelope encryption bound to the row id); unconfirmed until a first code. */
export interface UserTotpTable {
  id: string;
  user_id: string;
  key_id: string;
  wrapped_key: string;
  ciphertext: string;
  confirmed_at: string | null;
  /** The RFC 6238 time step of the last code accepted: a code of that step or earlier is refused (no replay). */
  last_time_step: number | null;
  created_at: string;
}

/** One single-use recovery code, stored only as the SHA-256 of its normalised text. */
export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** A WebAuthn credential: its id and public key (base64url), signature counter, transports (comma-separated). */
export interface PasskeysTable {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: string;
  counter: number;
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A password accepted, waiting for the second step; the id is the SHA-256 of the token given to the client. */
export interface PendingSignInsTable {
  id: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  expires_at: string;
}

/** A WebAuthn challenge, single use: `register` (a signed-in user adds a passkey) or `sign_in` (a pending sign-in). */
export interface WebauthnChallengesTable {
  id: string;
  user_id: string;
  purpose: "register" | "sign_in";
  challenge: string;
  pending_id: string | null;
  expires_at: string;
}

export interface AuthTables {
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  pending_sign_ins: PendingSignInsTable;
  webauthn_challenges: WebauthnChallengesTable;
}
