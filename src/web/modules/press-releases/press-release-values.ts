import {
  type EditorValues,
  type PressRelease,
  type TextFieldName,
  textFieldNames,
} from "./press-release-api.js";

/** What the editor shows of a release (empty texts for what it does not have yet). */
export function valuesOf(r?: PressRelease): EditorValues {
  const texts = Object.fromEntries(textFieldNames.map((n) => [n, r?.[n] ?? ""])) as Record<
    TextFieldName,
    string
  >;
  return {
    ...texts,
    confidentiality: r?.confidentiality ?? "internal",
    restrictedTo: r?.restrictedTo ?? null,
  };
}

/** The body that creates a release in the mandate: only what was filled in (the API makes the slug if empty). */
export function createBodyOf(mandateId: string, v: EditorValues): Record<string, unknown> {
  const body: Record<string, unknown> = { mandateId, confidentiality: v.confidentiality };
  for (const n of textFieldNames) if (v[n].trim() !== "") body[n] = v[n];
  if (v.restrictedTo !== null) body.restrictedTo = v.restrictedTo;
  return body;
}

/** The body that saves an edit: only what changed, an emptied text as null, with the version it was read at. */
export function updateBodyOf(r: PressRelease, v: EditorValues): Record<string, unknown> {
  const body: Record<string, unknown> = { version: r.version };
  for (const n of textFieldNames) if (v[n] !== (r[n] ?? "")) body[n] = v[n].trim() === "" ? null : v[n];
  if (v.confidentiality !== r.confidentiality) body.confidentiality = v.confidentiality;
  if (JSON.stringify(v.restrictedTo) !== JSON.stringify(r.restrictedTo ?? null))
    body.restrictedTo = v.restrictedTo;
  return body;
}
