import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { packageRoot } from "../../platform/reference-data.js";

/** Where `vite build` puts the staff web application. */
export const staffAppDir = () => path.join(packageRoot(), "dist", "web");

/**
 * Serves the staff web application under /app/: fingerprinted assets as files, every other /app path as the
 * single page (the client routes it). Without a build, /app says how to build it. Security headers (CSP, framing,
 * nosniff) come from the application-wide hook.
 */
export async function registerStaffApp(app: FastifyInstance) {
  const dir = staffAppDir();
  const index = path.join(dir, "index.html");
  app.get("/app", { schema: { hide: true } }, (_req, reply) => reply.redirect("/app/"));
  if (!existsSync(index)) {
    // A checkout that was never built: a page that says how to build it, not an error of the caller's.
    app.get("/app/*", { schema: { hide: true } }, (_req, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(
          '<!doctype html><html lang="en"><meta charset="utf-8"><title>Rapporteur</title><main><h1>Rapporteur</h1><p>The staff application is not built yet: run <code>npm run build</code>, or <code>npm start</code>.</p></main></html>',
        ),
    );
    return;
  }
  const html = readFileSync(index, "utf8");
  await app.register(fastifyStatic, {
    root: path.join(dir, "assets"),
    prefix: "/app/assets/",
    wildcard: false,
    index: false,
    immutable: true,
    maxAge: "365d",
  });
  app.get("/app/*", { schema: { hide: true } }, (_req, reply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html),
  );
}
