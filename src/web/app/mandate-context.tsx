import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { useMandates } from "../api/queries.js";
import type { Mandate } from "../api/types.js";

interface MandateState {
  mandate: Mandate | null;
  mandates: Mandate[];
  choose: (id: string) => void;
}

const MandateContext = createContext<MandateState>({ mandate: null, mandates: [], choose: () => undefined });

/** The mandate the user works in; remembered on this device; the switcher shows when they belong to several. */
export function MandateProvider({ children }: { children: ReactNode }) {
  const { data: mandates = [] } = useMandates();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem("rapporteur.mandate"));
  const mandate =
    mandates.find((m) => m.id === chosen) ?? mandates.find((m) => m.myRole) ?? mandates[0] ?? null;
  useEffect(() => {
    if (mandate) localStorage.setItem("rapporteur.mandate", mandate.id);
  }, [mandate]);
  return (
    <MandateContext.Provider value={{ mandate, mandates, choose: setChosen }}>
      {children}
    </MandateContext.Provider>
  );
}

export const useMandate = () => useContext(MandateContext);
