import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as an SMTP server received it. */
export interface ReceivedMail {
  raw: string;
  messageId: string;
  subject: string;
  to: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Resolves once `count` messages have been accepted (or rejects after `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback (port 0). `beforeAccept` runs once a message is fully read, before the 250 reply:
 * tests slow it down there, or stop the sending process at that exact moment.
 */
export async function startSmtpSink(
  options: { beforeAccept?: (mail: ReceivedMail) => Promise<void> | void } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = await simpleParser(raw);
        const to = parsed.to;
        const mail: ReceivedMail = {
          raw,
          messageId: parsed.messageId ?? "",
          subject: parsed.subject ?? "",
          to: (Array.isArray(to) ? to[0] : to)?.value[0]?.address ?? "",
          text: parsed.text ?? "",
        };
        try {
          await options.beforeAccept?.(mail);
        } finally {
          received.push(mail);
          callback();
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: async (count, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} messages, the SMTP server received ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One header of a raw message, unfolded (long headers such as a token link span several lines). */
export const headerOf = (raw: string, name: string) =>
  raw
    .split(/\r?\n\r?\n/)[0]
    ?.replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
