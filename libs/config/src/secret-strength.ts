/** How to make a secret that passes: shown in every refusal. */
export const SECRET_HOWTO =
  "use 32 random bytes, e.g. `openssl rand -base64 32` or `node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"`";

export const MIN_SECRET_LENGTH = 32;
export const MIN_SECRET_DISTINCT = 12;
export const MIN_SECRET_BITS = 128;

/**
 * Why a signing secret looks guessable, or null when it does not. Length alone lets
 * `aaaa…` through; these heuristics refuse what people type (repeats, runs, few distinct
 * characters) and accept what generators print (hex or base64 of 32 random bytes, which pass
 * with a wide margin). They cannot prove randomness; they catch the usual mistakes.
 */
export function secretWeakness(secret: string): string | null {
  const chars = [...secret];
  if (chars.length < MIN_SECRET_LENGTH) {
    return `is ${chars.length} characters long; at least ${MIN_SECRET_LENGTH} are needed`;
  }
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size < MIN_SECRET_DISTINCT) {
    return `has only ${counts.size} distinct characters; at least ${MIN_SECRET_DISTINCT} are needed`;
  }
  if (/^([\s\S]+?)\1+$/.test(secret)) return 'repeats one shorter piece';
  // Shannon entropy of the character distribution times the length: an upper bound on what the
  // secret can hold, so a low figure is surely weak.
  let bitsPerChar = 0;
  for (const n of counts.values()) bitsPerChar -= (n / chars.length) * Math.log2(n / chars.length);
  const bits = Math.floor(bitsPerChar * chars.length);
  if (bits < MIN_SECRET_BITS) {
    return `holds at most ${bits} bits by its character mix; at least ${MIN_SECRET_BITS} are needed`;
  }
  let steps = 0;
  for (let i = 1; i < chars.length; i++) {
    if (Math.abs(chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!) <= 1) steps++;
  }
  // Random hex has about a fifth of such neighbours, base64 a twentieth; "abcdef…" has all.
  if (steps * 2 >= chars.length - 1) return 'is mostly runs of neighbouring characters (abc…, 123…)';
  return null;
}
