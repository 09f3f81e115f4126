import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiRecord } from "../../api/types.js";
import { contentUrl, isPreviewable } from "./format.js";

/** A SHA-256 shortened to its first 12 digits; the full value opens underneath, to read or copy. */
export function Sha256({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <details className="sha256">
      <summary>
        <code>{value.slice(0, 12)}…</code>{" "}
        <span className="visually-hidden">{t("attachments.fullHash")}</span>
      </summary>
      <code className="hash-full">{value}</code>
    </details>
  );
}

/** A link that downloads the file (the server re-checks its SHA-256 before sending a byte). */
export function DownloadLink({ attachment: a }: { attachment: ApiRecord }) {
  const { t } = useTranslation();
  return (
    <a className="button download" href={contentUrl(a.id)}>
      {t("attachments.download")} <span className="visually-hidden">{String(a.filename)}</span>
    </a>
  );
}

/**
 * The file shown in the page: images as an image named by the file name, PDFs in a titled frame where the browser
 * can show PDFs; anything else says to download it. Each load is a read of the file, audited like a download.
 */
export function AttachmentPreview({ attachment: a }: { attachment: ApiRecord }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const mime = String(a.mimeType);
  const name = String(a.filename);
  if (!isPreviewable(mime)) return <p className="hint">{t("attachments.noPreview")}</p>;
  if (failed)
    return (
      <p role="alert" className="error">
        {t("attachments.previewFailed")}
      </p>
    );
  if (mime.startsWith("image/"))
    return (
      <img
        className="preview-image"
        src={contentUrl(a.id, true)}
        alt={name}
        onError={() => setFailed(true)}
      />
    );
  if (!navigator.pdfViewerEnabled) return <p className="hint">{t("attachments.noPdfViewer")}</p>;
  return (
    <iframe
      className="preview-pdf"
      src={contentUrl(a.id, true)}
      title={t("attachments.previewOf", { name })}
    />
  );
}

/** On an attachment's own page: its preview (the user opened this file) and a download. */
export function AttachmentView({ attachment }: { attachment: ApiRecord }) {
  const { t } = useTranslation();
  return (
    <section className="attachment-view" aria-labelledby="attachment-preview-title">
      <h2 id="attachment-preview-title">{t("attachments.preview")}</h2>
      <p>
        <DownloadLink attachment={attachment} />
      </p>
      <AttachmentPreview attachment={attachment} />
    </section>
  );
}
