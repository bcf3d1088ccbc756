/**
 * Text PostgreSQL can store, in a text column and inside jsonb: NUL characters removed, unpaired
 * UTF-16 surrogates (a JSON body may escape them, `"\ud800"`) replaced by U+FFFD. Every string
 * taken from a delivery's payload passes here before it reaches a column; the raw body itself is
 * valid UTF-8 JSON text and is stored as it came.
 */
export function cleanText(s: string): string {
  const noNul = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  return noNul.isWellFormed() ? noNul : noNul.toWellFormed();
}

/** The error as stored on an inbox row: one line, at most 500 characters. */
export function errorText(error: unknown): string {
  const msg = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = cleanText(msg).replace(/\s+/g, " ").trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}
