import { setTimeout as sleep } from "node:timers/promises";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../../platform/access/access.policies.js";
import { writeAudit } from "../../platform/audit/audit.repository.js";
import { verifyAgainstNothing, verifyPassword } from "../../platform/auth/passwords.js";
import { newSecret, secretHash } from "../../platform/auth/secret-tokens.js";
import type { Db } from "../../platform/db/database.js";
import { isoFromNow, nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { accountLocked, invalidCredentials, rateLimited } from "./auth.errors.js";
import { createAuthRepository } from "./auth.repository.js";
import { createSecondFactorsRepository } from "./second-factors.repository.js";
import { startSecondStep } from "./sign-in-steps.usecases.js";

export interface AuthSettings {
  sessionHours: number;
  loginDelayMs: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  loginsPerIpPerMinute: number;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const minuteWindow = () => `${new Date().toISOString().slice(0, 16)}:00Z`;

/**
 * Counts a request in the window starting at `windowStart`, kept in the database so every server process shares
 * it; true while the window's count is within `limit`.
 * @example if (!(await withinRateLimit(db, `mailing:ip:${ip}`, hourStart, 20))) return tooMany();
 */
export async function withinRateLimit(db: Db, bucket: string, windowStart: string, limit: number) {
  return (await createAuthRepository({ db }).hit(bucket, windowStart)) <= limit;
}

/** Counts a request against a per-minute limit; over it, the request is refused until the minute ends. */
export async function enforceRateLimit(db: Db, bucket: string, perMinute: number) {
  if (!(await withinRateLimit(db, bucket, minuteWindow(), perMinute)))
    throw rateLimited({ seconds: 60 - new Date().getUTCSeconds() });
}

/**
 * Signs in with e-mail and password. Failures slow down progressively and lock the account at the threshold;
 * an unknown e-mail costs the same time as a wrong password.
 * With a second factor, the answer is a pending sign-in for the second step instead of a session.
 * @example const { session, secondStep } = await login({ db, settings, email, password, client });
 */
export async function login({
  db,
  settings,
  email,
  password,
  client,
}: {
  db: Db;
  settings: AuthSettings;
  email: string;
  password: string;
  client: ClientInfo;
}) {
  await enforceRateLimit(db, `login:ip:${client.ip ?? "?"}`, settings.loginsPerIpPerMinute);
  const repo = createAuthRepository({ db });
  const user = await repo.findUserByEmail(email);
  if (!user || user.disabled === 1) {
    await verifyAgainstNothing(password);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > nowIso())
    throw accountLocked({ minutes: settings.lockoutMinutes });
  // A lock that has run out starts a fresh count, so one more slip does not lock the account again at once.
  if (user.locked_until) await repo.resetFailures(user.id);
  if (!(await verifyPassword(user.password_hash, password))) {
    const { failures, locked } = await inTransaction(db, async (trx) => {
      const counted = await createAuthRepository({ db: trx }).recordFailure(user.id, nowIso(), {
        threshold: settings.lockoutThreshold,
        until: isoFromNow(settings.lockoutMinutes * 60_000),
      });
      await writeAudit(trx, { userId: user.id, ...client }, [
        {
          action: counted.locked ? "login.locked" : "login.failed",
          recordType: "user",
          recordId: user.id,
          mandateId: null,
        },
      ]);
      return counted;
    });
    if (failures >= 3) await sleep(Math.min(settings.loginDelayMs * 2 ** (failures - 3), 8000));
    if (locked) throw accountLocked({ minutes: settings.lockoutMinutes });
    throw invalidCredentials();
  }
  if (await createSecondFactorsRepository({ db }).hasSecondFactor(user.id)) {
    await repo.resetFailures(user.id);
    return { secondStep: await startSecondStep({ db, userId: user.id, client }) };
  }
  return { session: await openSession({ db, settings, userId: user.id, client, method: "password" }) };
}

/**
 * Opens a session for a user whose sign-in is complete (password, and the second factor when there is one); audited
 * with the method of the last step.
 * @example const { sessionToken } = await openSession({ db, settings, userId, client, method: "totp" });
 */
export async function openSession({
  db,
  settings,
  userId,
  client,
  method,
}: {
  db: Db;
  settings: AuthSettings;
  userId: string;
  client: ClientInfo;
  method: "password" | "totp" | "recovery_code" | "passkey";
}) {
  const sessionToken = newSecret("rps_");
  const csrfToken = newSecret("");
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    const r = createAuthRepository({ db: trx });
    await r.resetFailures(userId);
    await r.insertSession({
      id: secretHash(sessionToken),
      user_id: userId,
      csrf_token: csrfToken,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: isoFromNow(settings.sessionHours * 3_600_000),
    });
    await writeAudit(trx, { userId, ...client }, [
      { action: "login", recordType: "user", recordId: userId, mandateId: null, fields: [method] },
    ]);
  });
  return { sessionToken, csrfToken, userId, maxAgeSeconds: settings.sessionHours * 3600 };
}

/** Ends one session. */
export async function logout({ db, sessionToken }: { db: Db; sessionToken: string }) {
  await createAuthRepository({ db }).deleteSession(secretHash(sessionToken));
}

export interface ResolvedCaller {
  actor: Actor;
  /** Set for cookie sessions: writes must echo it in `x-csrf-token`. */
  csrfToken: string | null;
  /** The session's row id (a hash of its secret), for cookie sessions. */
  sessionId: string | null;
}

/** Finds who is calling from a session cookie or a bearer token; null when neither is valid. */
export async function resolveCaller({
  db,
  readDb,
  sessionToken,
  bearer,
  client,
  idleMinutes,
}: {
  db: Db;
  /** Where the lookups go, so that a long write elsewhere does not hold up who-is-calling. */
  readDb: Db;
  /** A session unused for longer has ended. */
  idleMinutes: number;
  sessionToken?: string | undefined;
  bearer?: string | undefined;
  client: ClientInfo;
}): Promise<ResolvedCaller | null> {
  const repo = createAuthRepository({ db: readDb });
  const writer = createAuthRepository({ db });
  // When a session or token was last used is a note, not part of the answer: the request does not wait for it.
  const note = (write: Promise<unknown>) => void write.catch(() => undefined);
  const now = nowIso();
  if (bearer) {
    const token = await repo.findLiveToken(secretHash(bearer), now);
    if (!token) return null;
    if (!token.last_used_at || Date.parse(now) - Date.parse(token.last_used_at) > 60_000) {
      note(writer.touchToken(token.id, now));
    }
    const scopes = new Set(
      token.scopes.split(",").filter((s): s is "read" | "write" => s === "read" || s === "write"),
    );
    return {
      actor: {
        userId: token.user_id,
        isAdmin: token.is_admin === 1,
        memberships: await repo.membershipsOf(token.user_id),
        scopes,
        ...client,
      },
      csrfToken: null,
      sessionId: null,
    };
  }
  if (!sessionToken) return null;
  const session = await repo.findLiveSession(secretHash(sessionToken), now);
  if (!session) return null;
  if (Date.parse(now) - Date.parse(session.last_seen_at) > idleMinutes * 60_000) {
    note(writer.deleteSession(session.id));
    return null;
  }
  // Writing last_seen on every request would turn each read into a write; once a minute is enough.
  if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) note(writer.touchSession(session.id, now));
  return {
    actor: {
      userId: session.user_id,
      isAdmin: session.is_admin === 1,
      memberships: await repo.membershipsOf(session.user_id),
      scopes: null,
      ...client,
    },
    csrfToken: session.csrf_token,
    sessionId: session.id,
  };
}

/** Creates an API token for the actor; the secret is returned once and stored only as a hash. */
export async function createApiToken({
  db,
  actor,
  name,
  scopes,
  expiresAt,
}: {
  db: Db;
  actor: Actor;
  name: string;
  scopes: ("read" | "write")[];
  expiresAt: string | null;
}) {
  const secret = newSecret("rpt_");
  const id = uuidv7();
  const createdAt = nowIso();
  await inTransaction(db, async (trx) => {
    await createAuthRepository({ db: trx }).insertToken({
      id,
      user_id: actor.userId,
      name,
      token_hash: secretHash(secret),
      scopes: [...new Set(scopes)].join(","),
      created_at: createdAt,
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
    });
    await writeAudit(trx, actor, [
      { action: "token.create", recordType: "api_token", recordId: id, mandateId: null },
    ]);
  });
  return { id, name, scopes, expiresAt, createdAt, token: secret };
}
