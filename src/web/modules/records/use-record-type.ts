import { useRecordTypes } from "../../api/queries.js";

/** The record type served at /:plural, from the server's own specs. */
export function useRecordType(plural: string | undefined) {
  const types = useRecordTypes();
  return { ...types, recordType: types.data?.find((t) => t.plural === plural) };
}
