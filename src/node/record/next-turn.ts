/** Resolves after the I/O and timers already waiting have had their turn: long work calls it between slices. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
