import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { imageTypes, maxImageBytes } from "../../../shared/press-releases.js";
import { ApiError } from "../../api/client.js";
import { formatPercent } from "../attachments/format.js";
import { uploadImage } from "./press-release-api.js";
import { imageMarkdown } from "./press-release-values.js";

interface Props {
  releaseId: string;
  /** The language of the column: the alternative text is written in it. */
  lang: "en" | "ko";
  onInsert: (markdown: string) => void;
}

interface Problem {
  on: "file" | "alt" | "upload";
  text: string;
}
interface Progress {
  name: string;
  loaded: number;
  total: number;
}

/**
 * Uploads an image for one language's text and puts it in at the cursor with its alternative text, which is required:
 * screen readers read it in place of the image. Problems appear next to the control, in the reader's language.
 */
export function InsertImage({ releaseId, lang, onInsert }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [inserted, setInserted] = useState(false);

  const refuse = (p: Problem) => {
    setProblem(p);
    (p.on === "alt" ? altRef : fileRef).current?.focus();
  };
  const failure = (err: unknown, name: string): Problem => {
    if (!(err instanceof ApiError)) return { on: "upload", text: t("app.error") };
    if (err.status === 413 || err.code === "request.too_large")
      return { on: "file", text: t("pressReleases.image.tooLarge", { name }) };
    if (err.fields.file) return { on: "file", text: `${name}: ${err.fields.file.message}` };
    return { on: "upload", text: err.message };
  };

  const insert = async () => {
    setInserted(false);
    const file = fileRef.current?.files?.[0];
    if (!file) return refuse({ on: "file", text: t("pressReleases.image.chooseFile") });
    if (file.size > maxImageBytes)
      return refuse({ on: "file", text: t("pressReleases.image.tooLarge", { name: file.name }) });
    if (!alt.trim()) return refuse({ on: "alt", text: t("pressReleases.image.altRequired") });
    setProblem(null);
    setProgress({ name: file.name, loaded: 0, total: file.size });
    try {
      const image = await uploadImage(releaseId, file, (loaded, total) =>
        setProgress({ name: file.name, loaded, total }),
      );
      onInsert(imageMarkdown(alt, image.id));
      setAlt("");
      if (fileRef.current) fileRef.current.value = "";
      setInserted(true);
    } catch (err) {
      refuse(failure(err, file.name));
    } finally {
      setProgress(null);
    }
  };
  // Enter in the alternative text inserts the image; it must not save the whole release.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    void insert();
  };

  const errorId = `${id}-error`;
  const describedBy = (hint: string, on: Problem["on"]) =>
    [hint, problem?.on === on ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset className="insert-image">
      <legend>{t("pressReleases.image.title")}</legend>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t("pressReleases.image.file")}</label>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          accept={imageTypes.join(",")}
          aria-invalid={problem?.on === "file" ? true : undefined}
          aria-describedby={describedBy(`${id}-file-hint`, "file")}
          onChange={() => setInserted(false)}
        />
        <small id={`${id}-file-hint`} className="hint">
          {t("pressReleases.image.fileHint")}
        </small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-alt`}>{t("pressReleases.image.alt")}</label>
        <input
          id={`${id}-alt`}
          ref={altRef}
          type="text"
          lang={lang}
          value={alt}
          maxLength={300}
          aria-required="true"
          aria-invalid={problem?.on === "alt" ? true : undefined}
          aria-describedby={describedBy(`${id}-alt-hint`, "alt")}
          onChange={(e) => setAlt(e.target.value)}
          onKeyDown={onKey}
        />
        <small id={`${id}-alt-hint`} className="hint">
          {t("pressReleases.image.altHint")}
        </small>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void insert()} disabled={!!progress}>
          {t("pressReleases.image.insert")}
        </button>
        {progress && (
          <progress
            max={Math.max(progress.total, 1)}
            value={Math.min(progress.loaded, progress.total)}
            aria-label={t("pressReleases.image.progress", { name: progress.name })}
          />
        )}
        <span role="status" className="hint">
          {progress
            ? t("pressReleases.image.sending", {
                percent: formatPercent(progress.loaded, progress.total, i18n.language),
              })
            : inserted
              ? t("pressReleases.image.inserted")
              : ""}
        </span>
      </div>
      {problem && (
        <p id={errorId} role="alert" className="field-error">
          {problem.text}
        </p>
      )}
    </fieldset>
  );
}
