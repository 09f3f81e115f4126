import type { FastifyInstance } from "fastify";

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Rapporteur</title>
<style>body{font-family:system-ui,"Noto Sans CJK KR",sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
a{color:#0b5cad}code{background:#f2f2f2;padding:0 .25rem}</style></head>
<body><main>
<h1>Rapporteur</h1>
<p>Documentation, action, reporting and publication for human-rights monitoring mandates.</p>
<p lang="ko">인권 모니터링 임무를 위한 기록·조치·보고·공개 플랫폼.</p>
<ul>
<li><a href="/app/">Staff application: sign in</a> · <a href="/app/" lang="ko">직원용 애플리케이션: 로그인</a></li>
<li><a href="/api/v1/openapi.json">API description (OpenAPI 3.1)</a></li>
<li><a href="/healthz">Health</a></li>
</ul>
<p>Sign in through the API: <code>POST /api/v1/auth/login</code> with <code>{"email","password"}</code>.</p>
</main></body></html>`;

/** The landing page of the server. */
export function registerHomePage(app: FastifyInstance) {
  app.get("/", { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("x-content-type-options", "nosniff")
      .send(page),
  );
}
