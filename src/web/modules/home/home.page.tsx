import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { RecordName } from "../records/record-name.js";
import { RepliesDue } from "./replies-due.js";
import { UrgentCases } from "./urgent-cases.js";

const recentTypes = ["sources", "events", "persons"] as const;

/** Home: urgent cases, replies awaited from states, and the records of the mandate changed most recently. */
export default function HomePage() {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const recent = useQuery({
    queryKey: ["home", mandate?.id],
    enabled: Boolean(mandate),
    queryFn: async () =>
      Promise.all(
        recentTypes.map(async (p) => ({
          plural: p,
          items: (await api.get<Page<ApiRecord>>(`/${p}?mandateId=${mandate?.id}&limit=5`)).items,
        })),
      ),
  });
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p>
        <Link className="button" to="/testimony/new">
          {t("home.recordTestimony")}
        </Link>
      </p>
      <div className="home-now">
        <UrgentCases />
        <RepliesDue />
      </div>
      <h2>{t("home.recent")}</h2>
      {recent.isPending && <p>{t("app.loading")}</p>}
      <div className="cards">
        {recent.data?.map((group) => (
          <section key={group.plural} className="card" aria-labelledby={`recent-${group.plural}`}>
            <h3 id={`recent-${group.plural}`}>
              <Link to={`/${group.plural}`}>{t(`types.${group.plural}` as "types.persons")}</Link>
            </h3>
            {group.items.length === 0 ? (
              <p>{t("home.none")}</p>
            ) : (
              <ul>
                {group.items.map((r) => (
                  <li key={r.id}>
                    <Link to={`/${group.plural}/${r.id}`}>
                      <RecordName record={r} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
