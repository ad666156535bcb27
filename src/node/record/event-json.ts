/**
 * The parsed JSON of a stored event, parsed once per process and shared. Right after a batch is
 * stored the mechanism fold and the search index both read its events, most often the very
 * same records (kept in memory as they were stored), and each parsed their bytes again. Keyed
 * by the bytes object, so an event read again from the database is parsed anew; readers treat
 * the value as immutable.
 */
const parsed = new WeakMap<Uint8Array, unknown>();

export function eventJson(bytes: Uint8Array): unknown {
  let value = parsed.get(bytes);
  if (value === undefined) {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as unknown;
    parsed.set(bytes, value);
  }
  return value;
}

/** The parse of `bytes` already made (by the intake, which parsed them to check them), for the readers that follow. */
export function rememberEventJson(bytes: Uint8Array, value: unknown): void {
  parsed.set(bytes, value);
}
