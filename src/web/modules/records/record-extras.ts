import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { ApiRecord } from "../../api/types.js";

export interface RecordExtraProps {
  record: ApiRecord;
}

/**
 * What a record type shows on its page beyond the generic fields and links, by record type. Each is loaded with the
 * first page of its type only.
 */
export const recordExtras: Record<string, LazyExoticComponent<ComponentType<RecordExtraProps>>> = {
  communication: lazy(() => import("../communications/communication-panel.js")),
  case: lazy(() => import("../cases/case-timeline.js")),
  report: lazy(() => import("../reports/report-editor.js")),
  // The press release's "Send to subscribers" panel (mailing list).
  press_release: lazy(() => import("../mailing/mailing-panel.js")),
};

export interface ListExtraProps {
  /** The list's query as sent to the API (mandate, filters). */
  query: URLSearchParams;
}

/** What a list of a record type shows beyond the generic list (an export of the registry), by plural. */
export const listExtras: Record<string, LazyExoticComponent<ComponentType<ListExtraProps>>> = {
  recommendations: lazy(() => import("../recommendations/registry-export.js")),
};
