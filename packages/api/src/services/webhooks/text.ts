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
