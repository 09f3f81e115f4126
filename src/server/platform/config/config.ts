import path from "node:path";
import { z } from "zod";

/** One slice of configuration: what it means, how it is checked, its default and its environment variable. */
interface ConfigSlice<T extends z.ZodType> {
  doc: string;
  schema: T;
  default: z.input<T> | undefined;
  env: string;
}

const slice = <T extends z.ZodType>(s: ConfigSlice<T>) => s;
const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSlices = {
  dataDir: slice({
    doc: "Data directory: the SQLite database, attachments and the master key file live here.",
    schema: z.string().min(1),
    default: "./data",
    env: "RAPPORTEUR_DATA_DIR",
  }),
  databaseUrl: slice({
    doc: "PostgreSQL connection URL (postgres://…). When unset, the embedded SQLite database in the data directory is used.",
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    default: undefined,
    env: "DATABASE_URL",
  }),
  port: slice({
    doc: "TCP port of the HTTP server (0 picks a free port).",
    schema: intFromEnv(0, 65535),
    default: 8080,
    env: "PORT",
  }),
  host: slice({
    doc: "Address the HTTP server listens on.",
    schema: z.string().min(1),
    default: "127.0.0.1",
    env: "RAPPORTEUR_HOST",
  }),
  trustProxy: slice({
    doc: "Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs; `false` for none). Client IPs feed rate limits and the audit trail.",
    schema: z.string().min(1),
    default: "127.0.0.1,::1",
    env: "RAPPORTEUR_TRUST_PROXY",
  }),
  masterKey: slice({
    doc: "Master key (32 bytes, base64 or hex) that wraps the data keys of identifying data. When unset, a key file is created in the data directory with mode 0600.",
    schema: z.string().min(1).optional(),
    default: undefined,
    env: "RAPPORTEUR_MASTER_KEY",
  }),
  demoPassword: slice({
    doc: "Password of the demo accounts.",
    schema: z.string().min(8),
    default: "rapporteur-demo-2017",
    env: "RAPPORTEUR_DEMO_PASSWORD",
  }),
  secureCookies: slice({
    doc: "Mark the session cookie Secure (set when served behind HTTPS).",
    schema: z.enum(["true", "false", "auto"]),
    default: "auto",
    env: "RAPPORTEUR_SECURE_COOKIES",
  }),
  sessionHours: slice({
    doc: "Absolute lifetime of a session, in hours.",
    schema: intFromEnv(1, 24 * 30),
    default: 12,
    env: "RAPPORTEUR_SESSION_HOURS",
  }),
  sessionIdleMinutes: slice({
    doc: "A session unused for this many minutes ends (the absolute lifetime still applies).",
    schema: intFromEnv(5, 24 * 60),
    default: 120,
    env: "RAPPORTEUR_SESSION_IDLE_MINUTES",
  }),
  loginDelayMs: slice({
    doc: "Base of the progressive delay after failed logins (doubles from the third failure, at most 8 s).",
    schema: intFromEnv(0, 10_000),
    default: 250,
    env: "RAPPORTEUR_LOGIN_DELAY_MS",
  }),
  loginsPerIpPerMinute: slice({
    doc: "Sign-in attempts allowed from one client address per minute (counted in the database, across servers).",
    schema: intFromEnv(1, 1_000_000),
    default: 60,
    env: "RAPPORTEUR_LOGINS_PER_IP_PER_MINUTE",
  }),
  lockoutThreshold: slice({
    doc: "Consecutive failed logins that lock an account for the lockout period.",
    schema: intFromEnv(3, 1000),
    default: 10,
    env: "RAPPORTEUR_LOCKOUT_THRESHOLD",
  }),
  lockoutMinutes: slice({
    doc: "How long an account stays locked after too many failed logins.",
    schema: intFromEnv(1, 24 * 60),
    default: 15,
    env: "RAPPORTEUR_LOCKOUT_MINUTES",
  }),
  secondFactorRequiredFor: slice({
    doc: "Roles that must set up a second factor (authenticator app or passkey) before doing anything else: comma-separated among admin, mandate_holder, officer, analyst, readonly; `none` for nobody. `rapporteur demo` uses `none` unless this is set.",
    schema: z
      .string()
      .transform((v) =>
        v.trim() === "none"
          ? []
          : v
              .split(",")
              .map((r) => r.trim())
              .filter(Boolean),
      )
      .pipe(z.array(z.enum(["admin", "mandate_holder", "officer", "analyst", "readonly"]))),
    default: "admin,mandate_holder",
    env: "RAPPORTEUR_SECOND_FACTOR_REQUIRED_FOR",
  }),
  maxAttachmentBytes: slice({
    doc: "Largest attachment accepted, in bytes.",
    schema: intFromEnv(1, 2 ** 31),
    default: 50 * 1024 * 1024,
    env: "RAPPORTEUR_MAX_ATTACHMENT_BYTES",
  }),
  rateLimitPerMinute: slice({
    doc: "API requests accepted from one client address per minute (more are answered 429 with Retry-After); 0 turns request rate limits off. Counted in this process's memory.",
    schema: intFromEnv(0, 10_000_000),
    default: 600,
    env: "RAPPORTEUR_RATE_LIMIT_PER_MINUTE",
  }),
  accountRateLimitPerMinute: slice({
    doc: "API requests accepted from one signed-in account per minute, from any address; 0 turns it off. When unset, the same as RAPPORTEUR_RATE_LIMIT_PER_MINUTE.",
    schema: intFromEnv(0, 10_000_000).optional(),
    default: undefined,
    env: "RAPPORTEUR_ACCOUNT_RATE_LIMIT_PER_MINUTE",
  }),
  replyDeadlineDays: slice({
    doc: "Days a state has to reply to a communication, counted from the day it is sent (each communication may change its own).",
    schema: intFromEnv(1, 365),
    default: 60,
    env: "RAPPORTEUR_REPLY_DEADLINE_DAYS",
  }),
  replyReminderDays: slice({
    doc: "Days before a reply deadline when the first reminder goes out (a second one goes out on the due date).",
    schema: intFromEnv(0, 90),
    default: 7,
    env: "RAPPORTEUR_REPLY_REMINDER_DAYS",
  }),
  embargoDays: slice({
    doc: "Days after sending when a communication becomes public by default (each communication may change its own, never earlier than sending).",
    schema: intFromEnv(0, 3650),
    default: 60,
    env: "RAPPORTEUR_EMBARGO_DAYS",
  }),
  publicUrl: slice({
    doc: "Address where users reach this server: links in e-mail, and the portal's canonical, feed and sitemap addresses.",
    schema: z.url({ protocol: /^https?$/ }),
    default: "http://127.0.0.1:8080",
    env: "RAPPORTEUR_PUBLIC_URL",
  }),
  portalMandate: slice({
    doc: "Code of the mandate whose public portal this server shows (the first mandate created when unset).",
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional(),
    default: undefined,
    env: "RAPPORTEUR_PORTAL_MANDATE",
  }),
  smtpUrl: slice({
    doc: "SMTP server for outgoing e-mail (smtp://user:pass@host:587, smtps://… for implicit TLS). When unset, e-mail is written as .eml files to `outbox/` in the data directory.",
    schema: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    default: undefined,
    env: "SMTP_URL",
  }),
  mailFrom: slice({
    doc: "Sender of outgoing e-mail.",
    schema: z.string().min(3).max(320),
    default: "Rapporteur <no-reply@rapporteur.local>",
    env: "MAIL_FROM",
  }),
  jobPollMs: slice({
    doc: "How often the scheduler looks for due jobs (reminders, e-mail), in milliseconds.",
    schema: intFromEnv(10, 600_000),
    default: 5000,
    env: "RAPPORTEUR_JOB_POLL_MS",
  }),
  auditSealMs: slice({
    doc: "How often the scheduler links new audit rows into the tamper-evident chain, in milliseconds (also done at shutdown).",
    schema: intFromEnv(100, 600_000),
    default: 5000,
    env: "RAPPORTEUR_AUDIT_SEAL_MS",
  }),
  jobLeaseSeconds: slice({
    doc: "How long a server may work on a job before another may take it over (a crashed server's jobs are retried after this).",
    schema: intFromEnv(1, 86_400),
    default: 300,
    env: "RAPPORTEUR_JOB_LEASE_SECONDS",
  }),
  mailingBatchSize: slice({
    doc: "Mailing list: messages sent per batch of a mailing.",
    schema: intFromEnv(1, 1000),
    default: 50,
    env: "RAPPORTEUR_MAILING_BATCH_SIZE",
  }),
  mailingPauseMs: slice({
    doc: "Mailing list: the least time between two batches of a mailing, in milliseconds (a batch waits for the scheduler's next poll too).",
    schema: intFromEnv(0, 3_600_000),
    default: 1000,
    env: "RAPPORTEUR_MAILING_PAUSE_MS",
  }),
  subscribePerIpPerHour: slice({
    doc: "Mailing list: sign-ups accepted from one client address per hour (more are answered 429).",
    schema: intFromEnv(1, 100_000),
    default: 20,
    env: "RAPPORTEUR_SUBSCRIBE_PER_IP_PER_HOUR",
  }),
  subscribePerAddressPerDay: slice({
    doc: "Mailing list: sign-ups of one e-mail address per day that send a message (more are silently ignored).",
    schema: intFromEnv(1, 1000),
    default: 3,
    env: "RAPPORTEUR_SUBSCRIBE_PER_ADDRESS_PER_DAY",
  }),
  shutdownGraceSeconds: slice({
    doc: "On SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are cut (a second signal stops at once).",
    schema: intFromEnv(0, 3600),
    default: 30,
    env: "RAPPORTEUR_SHUTDOWN_GRACE_SECONDS",
  }),
  backupPassphrase: slice({
    doc: "Passphrase of `rapporteur backup` and `restore` when `--passphrase-file` is not given (at least 12 characters; asked for on a terminal when unset).",
    schema: z.string().optional(),
    default: undefined,
    env: "RAPPORTEUR_BACKUP_PASSPHRASE",
  }),
  logLevel: slice({
    doc: "Log level (fatal, error, warn, info, debug, silent).",
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    default: "info",
    env: "RAPPORTEUR_LOG_LEVEL",
  }),
};

type Slices = typeof configSlices;
export type Config = { [K in keyof Slices]: z.output<Slices[K]["schema"]> };
export type ConfigOverrides = Partial<{ [K in keyof Slices]: z.input<Slices[K]["schema"]> }>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Resolves configuration from flags (overrides), then environment, then defaults; throws ConfigError listing every problem. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(configSlices) as [keyof Slices, ConfigSlice<z.ZodType>][]) {
    const fromEnv = env[s.env];
    const raw =
      overrides[key] ?? (fromEnv === undefined || fromEnv === "" ? undefined : fromEnv) ?? s.default;
    const parsed = s.schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${s.env} (${key}): ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  if (problems.length) throw new ConfigError(problems);
  const config = out as Config;
  config.dataDir = path.resolve(config.dataDir);
  return config;
}

/** Markdown table of every setting, for the README and `rapporteur config`. */
export function describeConfig(): string {
  return Object.values(configSlices)
    .map((s) => `| \`${s.env}\` | ${s.doc} | ${s.default === undefined ? "—" : `\`${s.default}\``} |`)
    .join("\n");
}
