import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Conditional, cacheable answers for the portal. A page is rendered once per version of the data it is made of and
 * kept in memory; its ETag is the hash of its bytes and its Last-Modified the latest change of that data, so every
 * server answers the same validators for the same data, and a client or proxy that has the page gets a 304.
 */

interface Cached {
  version: string;
  body: Buffer;
  etag: string;
  /** Compressed once, on first demand, for clients that accept it. */
  br?: Buffer;
  gzip?: Buffer;
}

const maxEntries = 2000;
const cache = new Map<string, Cached>();

/** How long browsers and proxies may reuse a page before asking again (they ask with the validators). */
const pageCacheControl = "public, max-age=60, stale-while-revalidate=300";

const httpDate = (iso: string) => {
  const t = Date.parse(iso);
  return new Date(Number.isNaN(t) ? 0 : Math.floor(t / 1000) * 1000).toUTCString();
};

/** Whether an If-None-Match header names this validator (weak or strong, or `*`). */
export const etagMatches = (header: string | undefined, etag: string) =>
  !!header &&
  (header.trim() === "*" ||
    header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag.replace(/^W\//, "")));

/** Text worth compressing (Word and PDF files are compressed already). */
const compressible = (type: string, size: number) =>
  size > 1024 && /^(text\/|application\/(xml|rss|atom))/.test(type);

/** The body in the best encoding the client accepts: Brotli, gzip or none. */
function encoded(entry: Cached, type: string, accept: string): { body: Buffer; encoding: string | null } {
  if (!compressible(type, entry.body.length)) return { body: entry.body, encoding: null };
  if (/\bbr\b/.test(accept)) {
    entry.br ??= brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
    return { body: entry.br, encoding: "br" };
  }
  if (/\bgzip\b/.test(accept)) {
    entry.gzip ??= gzipSync(entry.body);
    return { body: entry.gzip, encoding: "gzip" };
  }
  return { body: entry.body, encoding: null };
}

/**
 * Sends a portal resource: from the cache when the data has not changed, else rendered anew; 304 when the client
 * already has it.
 * @example return sendCached(req, reply, { version, contentType: "text/html; charset=utf-8", render: () => html });
 */
export async function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  o: {
    version: { key: string; latest: string };
    contentType: string;
    render: () => string | Buffer | Promise<string | Buffer>;
    /** A file to save rather than show. */
    download?: string;
  },
) {
  const url = req.url;
  let entry = cache.get(url);
  if (!entry || entry.version !== o.version.key) {
    const rendered = await o.render();
    const body = typeof rendered === "string" ? Buffer.from(rendered, "utf8") : rendered;
    entry = {
      version: o.version.key,
      body,
      // Weak: the same page in another encoding (Brotli, gzip) keeps the same validator.
      etag: `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    };
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(url, entry);
  }
  reply
    .header("etag", entry.etag)
    .header("last-modified", httpDate(o.version.latest))
    .header("cache-control", pageCacheControl)
    .header("x-content-type-options", "nosniff");
  if (o.download)
    reply.header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(o.download)}`);
  const inm = req.headers["if-none-match"];
  const ims = req.headers["if-modified-since"];
  const fresh = inm
    ? etagMatches(inm, entry.etag)
    : !!ims && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= Date.parse(httpDate(o.version.latest));
  reply.header("vary", "Accept-Encoding");
  if (fresh) return reply.code(304).send();
  const { body, encoding } = encoded(entry, o.contentType, String(req.headers["accept-encoding"] ?? ""));
  if (encoding) reply.header("content-encoding", encoding);
  return reply.type(o.contentType).send(body);
}
