/**
 * `s.toLowerCase()`, but `s` itself when lower-casing would not change it. V8's toLowerCase always returns a new
 * string: on the hot paths (every token's lemma, every vector lookup) that was an allocation per token, and a string
 * whose hash every Map lookup had to compute again, where the token's own string (memoised per vocabulary word in
 * src/nlp.ts) keeps its hash. Same characters in every case.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.toLowerCase();
    if (c >= 128) {
      const lower = s.toLowerCase();
      return lower === s ? s : lower;
    }
  }
  return s;
}
