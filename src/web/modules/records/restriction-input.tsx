import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useMandate } from "../../app/mandate-context.js";

interface Member {
  userId: string;
  displayName: string;
  role: string;
}

/** Restricts a record to named members of the mandate, or lifts the restriction (null). */
export function RestrictionInput({
  value,
  onChange,
}: {
  value: string[] | null;
  onChange: (v: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const members = useQuery({
    queryKey: ["members", mandate?.id],
    enabled: Boolean(mandate),
    queryFn: async () => (await api.get<{ items: Member[] }>(`/mandates/${mandate?.id}/members`)).items,
  });
  const restricted = Array.isArray(value);
  return (
    <fieldset className="restriction">
      <legend>{t("record.restrictedTo")}</legend>
      <label>
        <input
          type="checkbox"
          checked={restricted}
          onChange={(e) => onChange(e.target.checked ? [] : null)}
        />{" "}
        {t("record.restrict")}
      </label>
      {restricted && (
        <ul>
          {members.data?.map((m) => (
            <li key={m.userId}>
              <label>
                <input
                  type="checkbox"
                  checked={value.includes(m.userId)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...value, m.userId] : value.filter((id) => id !== m.userId))
                  }
                />{" "}
                {m.displayName} <span className="code">{t(`role.${m.role}` as "role.officer")}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {restricted && <small className="hint">{t("record.restrictHint")}</small>}
    </fieldset>
  );
}
