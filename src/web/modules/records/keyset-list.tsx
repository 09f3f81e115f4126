import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api/client.js";
import type { Page } from "../../api/types.js";

/**
 * A list of records read page by page after a cursor, with every state in the address (filters, cursor, page
 * number), so a list is linked to and gone back to as it was. The API is asked for the address's query without the
 * page number, in the mandate when one is given, 50 records at a time.
 * @example const { params, setParams, page, list, goTo } = useKeysetList<PressRelease>("press-releases", { mandateId, enabled: true });
 */
export function useKeysetList<T>(
  plural: string | undefined,
  { mandateId, enabled }: { mandateId?: string | undefined; enabled: boolean },
) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page") ?? "1") || 1;
  const query = new URLSearchParams(params);
  query.delete("page");
  if (mandateId) query.set("mandateId", mandateId);
  query.set("limit", "50");
  const list = useQuery({
    queryKey: ["list", plural, query.toString()],
    enabled,
    queryFn: () => api.get<Page<T>>(`/${plural}?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
  /** The page after `cursor`, or the first page (null). */
  const goTo = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) {
      next.set("cursor", cursor);
      next.set("page", String(page + 1));
    } else {
      next.delete("cursor");
      next.delete("page");
    }
    setParams(next);
  };
  return { params, setParams, page, query, list, goTo };
}

/** Under a list: the text for an empty page, then the way back to the first page and on to the next. */
export function Pager({
  page,
  data,
  empty,
  goTo,
}: {
  page: number;
  data: Page<unknown> | undefined;
  empty: string;
  goTo: (cursor: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {data?.items.length === 0 && <p>{empty}</p>}
      <div className="pager">
        {page > 1 && (
          <button type="button" className="secondary" onClick={() => goTo(null)}>
            {t("list.first")}
          </button>
        )}
        {data?.nextCursor && (
          <button type="button" onClick={() => goTo(data.nextCursor)}>
            {t("list.next")}
          </button>
        )}
      </div>
    </>
  );
}
