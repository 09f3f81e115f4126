/**
 * Lets the event loop serve other requests between the batches of a long transaction. On SQLite the transaction
 * still holds the writing connection, but reads on the read connection (who is calling, how far an import is) are
 * answered meanwhile.
 * @example for (const part of parts) { await insert(part); await giveTurn(); }
 */
export function giveTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
