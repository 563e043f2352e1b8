/**
 * Folds by document for the research and training scripts: an FNV-1a hash of `salt:id`, the same as
 * eval/research/loaded-corpus.mjs (BABE and MBIC items pass their source article, so a fold holds whole articles).
 */
export function foldOf(id: string, k: number, salt = 'loaded'): number {
  let h = 2166136261;
  const s = `${salt}:${id}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % k;
}
