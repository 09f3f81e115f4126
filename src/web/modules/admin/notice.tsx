import { useTranslation } from "react-i18next";

/** A label per language (a vocabulary term's), shown in the reader's language. */
type Param = string | number | Record<string, string>;

/** What just happened, kept as a message key and its values so it reads in the current language after a switch. */
export interface Notice {
  key: string;
  params?: Record<string, Param>;
}

/** Renders a notice; `role` is a role code, labels pick the reader's language; `extra` adds page-wide values. */
export function NoticeText({
  notice,
  extra = {},
}: {
  notice: Notice | null;
  extra?: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  if (!notice) return null;
  const params: Record<string, string | number> = { ...extra };
  for (const [k, v] of Object.entries(notice.params ?? {}))
    params[k] = typeof v === "object" ? (v[i18n.language] ?? v.en ?? "") : v;
  if (typeof params.role === "string") params.role = t(`role.${params.role}`);
  return <>{t(notice.key, params)}</>;
}
