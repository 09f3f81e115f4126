import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import type { Config } from "../config/config.js";
import { outboxFileName, writeOutboxFile } from "./outbox.js";

/** One message as the scheduler hands it over; `messageId` and `date` come from the job, so a resend is the same. */
export interface OutgoingMail {
  jobId: string;
  createdAt: string;
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  headers?: Record<string, string> | undefined;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message, or the file is in the outbox. */
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
}

/**
 * Whether the SMTP server refused a message for good (a 5xx reply): no retry can mend it.
 * @example isPermanentSmtpFailure({ responseCode: 550 }) // true
 */
export function isPermanentSmtpFailure(e: unknown): boolean {
  const code = Number((e as { responseCode?: unknown } | null)?.responseCode);
  return code >= 500 && code < 600;
}

const options = (config: Config, mail: OutgoingMail) => ({
  from: config.mailFrom,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.html ? { html: mail.html } : {}),
  ...(mail.headers ? { headers: mail.headers } : {}),
  messageId: mail.messageId,
  date: new Date(mail.createdAt),
});

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file to the outbox of the data directory.
 * Time-outs stay well below the job lease, so a hung server fails the attempt rather than outliving the claim.
 * @example const mailer = createMailer(config); await mailer.send(mail);
 */
export function createMailer(config: Config): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    return {
      send: async (mail) => {
        await transport.sendMail(options(config, mail));
      },
      close: () => transport.close(),
    };
  }
  return {
    send: async (mail) => {
      const raw = await new MailComposer(options(config, mail)).compile().build();
      writeOutboxFile(config.dataDir, outboxFileName(mail.createdAt, mail.jobId), raw);
    },
    close: () => {},
  };
}
