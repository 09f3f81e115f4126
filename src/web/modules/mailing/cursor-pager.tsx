import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The cursors of the pages walked through so far: the current page is the last; "first" goes back to the start. */
export function useCursorStack() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    /** The current page's number, from 1. */
    page: cursors.length,
    first: () => setCursors([null]),
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
  };
}

export type CursorStack = ReturnType<typeof useCursorStack>;

/** "First page" once past it, "Next" while another page follows. */
export function CursorPager({
  stack,
  nextCursor,
}: {
  stack: CursorStack;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="pager">
      {stack.page > 1 && (
        <button type="button" className="secondary" onClick={stack.first}>
          {t("list.first")}
        </button>
      )}
      {nextCursor && (
        <button type="button" onClick={() => stack.next(nextCursor)}>
          {t("list.next")}
        </button>
      )}
    </div>
  );
}
