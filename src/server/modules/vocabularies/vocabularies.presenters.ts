import type { VocabListsTable, VocabTermsTable } from "../../platform/db/schema.types.js";

export const presentList = (row: VocabListsTable) => ({
  name: row.name,
  number: row.number,
  labels: JSON.parse(row.labels) as Record<string, string>,
});

export const presentTerm = (row: VocabTermsTable) => ({
  list: row.list_name,
  code: row.code,
  parentCode: row.parent_code,
  level: row.level,
  order: row.sort_order,
  labels: JSON.parse(row.labels) as Record<string, string>,
  retired: row.retired === 1,
});
