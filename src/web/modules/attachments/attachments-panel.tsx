import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api } from "../../api/client.js";
import { type ApiRecord, confidentialityLevels, type Page } from "../../api/types.js";
import { AttachmentPreview, DownloadLink, Sha256 } from "./attachment-preview.js";
import { formatPercent, formatSize, isPreviewable } from "./format.js";
import { sha256Hex, type UploadTarget, uploadFile } from "./upload.js";

interface Upload {
  key: string;
  file: File;
  loaded: number;
  total: number;
  state: "waiting" | "sending" | "done" | "failed";
  /** Computed in this browser: undefined while computing, null where the browser cannot. */
  localSha?: string | null;
  record?: ApiRecord;
  error?: ApiError;
}

const rank = (level: string) =>
  confidentialityLevels.indexOf(level as (typeof confidentialityLevels)[number]);

/** The level new files get: never below the source's, and confidential at least unless chosen otherwise. */
const defaultLevel = (sourceLevel: string) =>
  confidentialityLevels[Math.max(rank(sourceLevel), rank("confidential"))] ?? "confidential";

/** What went wrong with one upload, in the user's language, naming the file. */
function UploadError({ upload: u }: { upload: Upload }) {
  const { t } = useTranslation();
  const e = u.error;
  if (!e) return null;
  const name = u.file.name;
  let text: string;
  if (e.code === "request.too_large" || e.status === 413) text = t("attachments.tooLarge", { name });
  else if (e.code === "network") text = t("attachments.interrupted", { name });
  else if (e.fields.mimeType)
    text = `${t("attachments.typeRefused", { name, type: u.file.type || "application/octet-stream" })} ${e.fields.mimeType.message}`;
  else {
    const fields = Object.entries(e.fields).map(
      ([f, p]) => `${t(`field.${f}` as "field.kind", { defaultValue: f })}: ${p.message}`,
    );
    text = [`${name}: ${e.message}`, ...fields].join(" ");
  }
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

/** One file being sent: its progress, the SHA-256 computed here and whether the server's is the same. */
function UploadRow({ upload: u }: { upload: Upload }) {
  const { t, i18n } = useTranslation();
  const percent = formatPercent(u.loaded, u.total, i18n.language);
  const serverSha = u.record ? String(u.record.sha256) : null;
  return (
    <li className={`upload upload-${u.state}`}>
      <div className="upload-head">
        <strong>{u.file.name}</strong> <span className="hint">{formatSize(u.file.size, i18n.language)}</span>
      </div>
      <div className="upload-progress">
        <progress
          max={Math.max(u.total, 1)}
          value={u.state === "waiting" ? 0 : Math.min(u.loaded, Math.max(u.total, 1))}
          aria-label={t("attachments.progressOf", { name: u.file.name })}
        />{" "}
        <span className="upload-state">
          {u.state === "waiting" && t("attachments.waiting")}
          {u.state === "sending" && t("attachments.sending", { percent })}
          {u.state === "done" && t("attachments.sent", { percent })}
          {u.state === "failed" && t("attachments.failed")}
        </span>
      </div>
      {u.state !== "failed" && (
        <dl className="upload-hashes">
          <div>
            <dt>{t("attachments.localSha")}</dt>
            <dd>
              {u.localSha === undefined ? (
                t("attachments.computing")
              ) : u.localSha === null ? (
                t("attachments.noCrypto")
              ) : (
                <code className="hash-full local-sha">{u.localSha}</code>
              )}
            </dd>
          </div>
          {serverSha && (
            <div>
              <dt>{t("attachments.serverSha")}</dt>
              <dd>
                <code className="hash-full server-sha">{serverSha}</code>
              </dd>
            </div>
          )}
        </dl>
      )}
      {serverSha && u.localSha && u.localSha === serverSha && (
        <p className="verified">
          <span aria-hidden="true">✓ </span>
          {t("attachments.verified")}
        </p>
      )}
      {serverSha && u.localSha && u.localSha !== serverSha && (
        <p role="alert" className="error">
          {t("attachments.mismatch")}
        </p>
      )}
      <UploadError upload={u} />
    </li>
  );
}

/** One attached file: name, size, type, SHA-256, download, and a preview on request. */
function AttachmentItem({ attachment: a }: { attachment: ApiRecord }) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState(false);
  const previewId = useId();
  const mime = String(a.mimeType);
  return (
    <li className="attachment">
      <h3>
        <Link to={`/attachments/${a.id}`}>{String(a.filename)}</Link>{" "}
        <span className={`badge level-${a.confidentiality}`}>
          {t(`confidentiality.${a.confidentiality}` as "confidentiality.public")}
        </span>
      </h3>
      <dl className="attachment-facts">
        <div>
          <dt>{t("attachments.size")}</dt>
          <dd>{formatSize(Number(a.size), i18n.language)}</dd>
        </div>
        <div>
          <dt>{t("attachments.type")}</dt>
          <dd>{mime}</dd>
        </div>
        <div>
          <dt>{t("field.sha256")}</dt>
          <dd>
            <Sha256 value={String(a.sha256)} />
          </dd>
        </div>
      </dl>
      <p className="actions">
        <DownloadLink attachment={a} />
        {isPreviewable(mime) && (
          <button
            type="button"
            className="secondary"
            aria-expanded={preview}
            aria-controls={previewId}
            onClick={() => setPreview(!preview)}
          >
            {preview ? t("attachments.hidePreview") : t("attachments.showPreview")}{" "}
            <span className="visually-hidden">{String(a.filename)}</span>
          </button>
        )}
      </p>
      <div id={previewId}>{preview && <AttachmentPreview attachment={a} />}</div>
    </li>
  );
}

/**
 * The files of a source. Who may change the source adds files by dropping them or choosing them; each shows its
 * progress, the SHA-256 computed in this browser and whether the server recorded the same.
 */
export function AttachmentsPanel({ source }: { source: ApiRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const levelId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [level, setLevel] = useState<string>(() => defaultLevel(source.confidentiality));
  const depth = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const counter = useRef(0);
  const listKey = ["attachments-of", source.id];
  const list = useQuery({
    queryKey: listKey,
    queryFn: () => api.get<Page<ApiRecord>>(`/attachments?sourceId=${source.id}&limit=100`),
  });
  const canAdd = source.abilities.update && Boolean(source.mandateId);

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const send = async (u: Upload, target: UploadTarget) => {
    patch(u.key, { state: "sending" });
    const hashing = sha256Hex(u.file)
      .catch(() => null)
      .then((localSha) => {
        patch(u.key, { localSha });
        return localSha;
      });
    try {
      const record = await uploadFile(u.file, target, (loaded, total) => patch(u.key, { loaded, total }));
      const localSha = await hashing;
      patch(u.key, { state: "done", record, loaded: u.file.size, total: u.file.size });
      setAnnouncement(
        localSha === record.sha256
          ? t("attachments.announceVerified", { name: u.file.name })
          : t("attachments.announceSent", { name: u.file.name }),
      );
    } catch (e) {
      await hashing;
      const error = e instanceof ApiError ? e : new ApiError(0, "internal", t("app.error"));
      patch(u.key, { state: "failed", error });
      setAnnouncement("");
    }
  };

  const add = (files: File[]) => {
    if (!files.length || !source.mandateId) return;
    const target: UploadTarget = { mandateId: source.mandateId, sourceId: source.id, confidentiality: level };
    const added: Upload[] = files.map((file) => ({
      key: `u${++counter.current}`,
      file,
      loaded: 0,
      total: file.size,
      state: "waiting",
    }));
    setUploads((all) => [...added, ...all]);
    // One file at a time, in the order given: progress is readable and the server is not flooded.
    queue.current = queue.current
      .then(async () => {
        for (const u of added) await send(u, target);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: listKey }),
          queryClient.invalidateQueries({ queryKey: ["linked", "attachments"] }),
          queryClient.invalidateQueries({ queryKey: ["list", "attachments"] }),
        ]);
      })
      .catch(() => undefined);
  };

  const dragEnter = (e: DragEvent) => {
    e.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const dragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  };
  const dragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    add(Array.from(e.dataTransfer.files));
  };

  const items = list.data?.items ?? [];
  const allowedLevels = confidentialityLevels.filter((c) => rank(c) >= rank(source.confidentiality));
  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">
        {t("attachments.title")} <span className="count">{list.data ? items.length : ""}</span>
      </h2>
      {canAdd && (
        <>
          <div className="attachments-level field">
            <label htmlFor={levelId}>{t("attachments.level")}</label>
            <select id={levelId} value={level} onChange={(e) => setLevel(e.target.value)}>
              {allowedLevels.map((c) => (
                <option key={c} value={c}>
                  {t(`confidentiality.${c}`)}
                </option>
              ))}
            </select>
          </div>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target for a pointer; the file input inside is the keyboard way */}
          <div
            className={`dropzone${over ? " over" : ""}`}
            onDragEnter={dragEnter}
            onDragOver={dragOver}
            onDragLeave={dragLeave}
            onDrop={drop}
          >
            <input
              id={inputId}
              className="file-input"
              type="file"
              multiple
              aria-describedby={hintId}
              onChange={(e) => {
                add(Array.from(e.target.files ?? []));
                e.target.value = "";
              }}
            />
            <label htmlFor={inputId} className="button">
              {t("attachments.choose")}
            </label>
            <p id={hintId} className="hint">
              {over ? t("attachments.dropNow") : t("attachments.dropHint")}
            </p>
          </div>
        </>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {uploads.length > 0 && (
        <ul className="uploads" aria-label={t("attachments.uploads")}>
          {uploads.map((u) => (
            <UploadRow key={u.key} upload={u} />
          ))}
        </ul>
      )}
      {list.error && (
        <p role="alert" className="error">
          {list.error instanceof ApiError ? list.error.message : t("app.error")}
        </p>
      )}
      {list.isPending && <p>{t("app.loading")}</p>}
      {list.data && items.length === 0 && <p>{t("attachments.none")}</p>}
      {items.length > 0 && (
        <>
          <p className="hint">{t("attachments.audited")}</p>
          <ul className="attachment-list">
            {items.map((a) => (
              <AttachmentItem key={a.id} attachment={a} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
