import { ApiError, api } from "./client.js";
import type { ApiRecord, Page } from "./types.js";

/** The API lists at most this many records by id at once. */
const perRequest = 100;

type Waiter = { resolve: (r: ApiRecord) => void; reject: (e: Error) => void };
const pending = new Map<string, Map<string, Waiter[]>>();
let scheduled = false;

async function flush() {
  scheduled = false;
  const batches = [...pending];
  pending.clear();
  for (const [plural, byId] of batches) {
    const ids = [...byId.keys()];
    for (let i = 0; i < ids.length; i += perRequest) {
      const part = ids.slice(i, i + perRequest);
      try {
        const page = await api.get<Page<ApiRecord>>(`/${plural}?ids=${part.join(",")}&limit=${perRequest}`);
        const found = new Map(page.items.map((r) => [r.id, r]));
        for (const id of part)
          for (const w of byId.get(id) ?? []) {
            const r = found.get(id);
            if (r) w.resolve(r);
            else w.reject(new ApiError(404, `${plural}.not_found`, "Not found."));
          }
      } catch (e) {
        for (const id of part) for (const w of byId.get(id) ?? []) w.reject(e as Error);
      }
    }
  }
}

/**
 * One referenced record, fetched together with every other reference asked for in the same moment: a list of
 * 50 acts naming victims, events and places costs three requests, not 150.
 */
export function getRecordBatched(plural: string, id: string): Promise<ApiRecord> {
  return new Promise((resolve, reject) => {
    const byId = pending.get(plural) ?? new Map<string, Waiter[]>();
    pending.set(plural, byId);
    byId.set(id, [...(byId.get(id) ?? []), { resolve, reject }]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}
