import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";

/** While a pseudonym is typed, persons already recorded with a similar code (same prefix), to avoid duplicates. */
export function SimilarPersons({ code }: { code: string }) {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const stem = code.trim().slice(0, Math.max(3, code.trim().length - 1));
  const similar = useQuery({
    queryKey: ["similar-persons", mandate?.id, stem],
    enabled: stem.length >= 3 && Boolean(mandate),
    queryFn: () =>
      api.get<Page<ApiRecord>>(`/persons?mandateId=${mandate?.id}&limit=8&q=${encodeURIComponent(stem)}`),
  });
  const items = similar.data?.items ?? [];
  if (stem.length < 3 || items.length === 0) return null;
  return (
    <aside className="similar" aria-live="polite" aria-label={t("record.similar")}>
      <h2>{t("record.similar")}</h2>
      <ul>
        {items.map((p) => (
          <li key={p.id}>
            <Link to={`/persons/${p.id}`}>{String(p.code)}</Link>
            {p.birthYear ? ` · ${String(p.birthYear)}` : ""}
          </li>
        ))}
      </ul>
    </aside>
  );
}
