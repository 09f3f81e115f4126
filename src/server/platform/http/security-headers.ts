import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** A CSP source allowing exactly this inline text (a stylesheet inlined by the server), and nothing else inline. */
export const cspHash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The policy of HTML pages (staff application, portal, mailing pages): scripts, styles, images and fetches from this
 * origin only; no plugins, no <base>, no framing, forms post here only. Inline styles are allowed by hash only.
 */
export const pageCsp = (inlineStyles: readonly string[], frameAncestors = "'none'") =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...inlineStyles.map(cspHash)].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    // blob: lets a page read back a file it made itself (a chart's CSV or PNG before it is saved).
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
    "form-action 'self'",
  ].join("; ");

/** Anything else (JSON, feeds, images, downloads): nothing may run, and a browser that opens it gets a sandbox. */
export const resourceCsp =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** Features no page of Rapporteur uses: a script injected anyway cannot reach them. */
export const permissionsPolicy = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "display-capture=()",
  "accelerometer=()",
  "gyroscope=()",
  "magnetometer=()",
  "browsing-topics=()",
].join(", ");

const isHtml = (reply: FastifyReply) => String(reply.getHeader("content-type") ?? "").startsWith("text/html");
const isDownload = (reply: FastifyReply) =>
  String(reply.getHeader("content-disposition") ?? "").startsWith("attachment");
/** The public site (portal pages, feeds, media): other sites of the same owner may embed its images. */
const isPublic = (url: string) =>
  !url.startsWith("/api/") && !url.startsWith("/app") && !url.startsWith("/healthz");

export type SecurityHeaders = (req: FastifyRequest, reply: FastifyReply) => void;

/**
 * The security headers of one response, set after the route: a route's own stricter or more specific value (a
 * report's print view, an attachment's preview) is kept. HSTS only goes out on HTTPS, where browsers heed it.
 * @example const secure = securityHeaders({ publicUrl: "https://rapporteur.example", inlineStyles: [portalCss] });
 */
export function securityHeaders(options: {
  publicUrl: string;
  inlineStyles: readonly string[];
}): SecurityHeaders {
  const httpsSite = options.publicUrl.startsWith("https:");
  const pagePolicy = pageCsp(options.inlineStyles);
  return (req, reply) => {
    const set = (name: string, value: string) => {
      if (!reply.hasHeader(name)) reply.header(name, value);
    };
    set("content-security-policy", isHtml(reply) ? pagePolicy : resourceCsp);
    // A download keeps a route's own policy, sandboxed: opened in the browser, it still runs nothing.
    const policy = String(reply.getHeader("content-security-policy"));
    if (isDownload(reply) && !policy.includes("sandbox"))
      reply.header("content-security-policy", `${policy}; sandbox`);
    set("x-content-type-options", "nosniff");
    set("x-frame-options", "DENY");
    set("referrer-policy", "no-referrer");
    // Not on the public portal: it holds nothing of its visitor's, and the isolation costs each visit a browser
    // process switch (measured: Lighthouse performance 87–93 with it, 95–100 without).
    if (!isPublic(req.url)) set("cross-origin-opener-policy", "same-origin");
    set("cross-origin-resource-policy", isPublic(req.url) ? "same-site" : "same-origin");
    set("permissions-policy", permissionsPolicy);
    if (req.protocol === "https" || httpsSite)
      set("strict-transport-security", "max-age=31536000; includeSubDomains");
  };
}

/**
 * Puts the headers on every response that goes through routing (errors and 404 included); requests refused before
 * routing (a malformed address) get them from the `frameworkErrors` handler.
 */
export function registerSecurityHeaders(app: FastifyInstance, apply: SecurityHeaders) {
  app.addHook("onSend", async (req, reply, payload) => {
    apply(req, reply);
    return payload;
  });
}
