import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReactNode } from "react";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppDeps } from "../../platform/http/deps.js";
import { mandateName } from "./portal.presenters.js";
import {
  type PortalDataVersion,
  type PortalMandate,
  portalDataVersion,
  portalMandate,
} from "./portal.usecases.js";
import { sendCached } from "./portal-cache.js";
import { type PortalShell, renderPortalPage } from "./portal-page.js";
import { pageWords } from "./portal-text.js";
import { frameWords, type PortalLang } from "./portal-words.js";

export const html = "text/html; charset=utf-8";

/** What a portal page handler gets: the mandate, the data's version, and how to answer with a page. */
export interface PortalRequest {
  lang: PortalLang;
  mandate: PortalMandate;
  /** The version of the data the pages are made of, read when first asked for (an image does not need it). */
  version: () => Promise<PortalDataVersion>;
  name: string;
  publicUrl: string;
  /** Answers with a whole page (cached per data version, 304 when the client has it). */
  page: (
    shell: Omit<PortalShell, "lang" | "mandateName" | "publicUrl">,
    body: () => Promise<ReactNode> | ReactNode,
  ) => Promise<FastifyReply>;
}

/** The not-found page of the portal, in its language (also for what exists but is not public). */
function sendNotFound(reply: FastifyReply, lang: PortalLang, name: string, publicUrl: string) {
  const w = pageWords[lang];
  const text =
    lang === "ko" ? "이 주소에 게시된 페이지가 없습니다." : "There is no published page at this address.";
  return reply
    .code(404)
    .type(html)
    .header("cache-control", "public, max-age=60")
    .send(
      renderPortalPage(
        { lang, mandateName: name, path: "/", title: text, publicUrl },
        <>
          <h1>{text}</h1>
          <p>
            <a href={`/${lang}/`}>{frameWords[lang].home}</a> ·{" "}
            <a href={`/${lang}/press-releases`}>{w.allReleases}</a>
          </p>
        </>,
      ),
    );
}

/** A server with no mandate yet has no portal: its address says what it is and where staff sign in. */
function sendProductPage(reply: FastifyReply, lang: PortalLang, publicUrl: string) {
  return reply
    .type(html)
    .header("cache-control", "no-cache")
    .send(
      renderPortalPage(
        { lang, mandateName: "Rapporteur", path: "/", title: "Rapporteur", publicUrl },
        <>
          <h1>Rapporteur</h1>
          <p lang="en">
            Documentation, action, reporting and publication for human-rights monitoring mandates.
          </p>
          <p lang="ko">인권 모니터링 임무를 위한 기록·조치·보고·공개 플랫폼.</p>
          <ul>
            <li>
              <a href="/app/">Staff application: sign in</a> ·{" "}
              <a href="/app/" lang="ko">
                직원용 애플리케이션: 로그인
              </a>
            </li>
            <li>
              <a href="/api/v1/openapi.json">API description (OpenAPI 3.1)</a>
            </li>
          </ul>
        </>,
      ),
    );
}

/**
 * Wraps a portal handler: finds the portal's mandate, gives the handler the data's version and `page`, and turns
 * "not public" into the portal's own 404 page.
 */
export function portalHandler(
  deps: AppDeps,
  lang: PortalLang,
  handler: (req: FastifyRequest, reply: FastifyReply, p: PortalRequest) => Promise<FastifyReply>,
) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const publicUrl = deps.config.publicUrl;
    let mandate: PortalMandate;
    try {
      mandate = await portalMandate(deps.readDb, deps.config.portalMandate);
    } catch (e) {
      if (e instanceof AppError && e.status === 404)
        return req.url === `/${lang}/`
          ? sendProductPage(reply, lang, publicUrl)
          : sendNotFound(reply, lang, "Rapporteur", publicUrl);
      throw e;
    }
    const name = mandateName(mandate, lang);
    let version: Promise<PortalDataVersion> | undefined;
    const p: PortalRequest = {
      lang,
      mandate,
      version: () => {
        version ??= portalDataVersion(deps.readDb, mandate.id);
        return version;
      },
      name,
      publicUrl,
      page: async (shell, body) =>
        sendCached(req, reply, {
          version: await p.version(),
          contentType: html,
          render: async () =>
            renderPortalPage({ ...shell, lang, mandateName: name, publicUrl }, await body()),
        }),
    };
    try {
      return await handler(req, reply, p);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return sendNotFound(reply, lang, name, publicUrl);
      throw e;
    }
  };
}
