import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type SearchView, searchViews, viewHref } from "./search-params.js";

/** "View: Results · Map · Dashboard": the same search seen another way, its filters kept. */
export function SearchViews({ current }: { current: SearchView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const views = Object.keys(searchViews) as SearchView[];
  return (
    <nav className="search-views" aria-labelledby="search-views-label">
      <span id="search-views-label">{t("views.label")}</span>
      <ul>
        {views.map((view) => (
          <li key={view}>
            <Link to={viewHref(view, params)} aria-current={view === current ? "page" : undefined}>
              {t(`views.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
