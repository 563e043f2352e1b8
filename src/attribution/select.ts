/**
 * Best-first selection of the candidate cues whose score passes the threshold.
 */
import type { SlantDocument } from '../document';
import type { Candidate } from './candidate';

/**
 * Accepts candidates best first. A candidate is dropped when its cue lies in an accepted attribution's content or
 * source, or overlaps an accepted cue (PolNeAR's annotation, like most attribution schemes, does not nest).
 */
export function selectCandidates(doc: SlantDocument, candidates: Candidate[], threshold: number, nestedThreshold = 1): Candidate[] {
  const n = doc.tokens.length;
  const role = new Int32Array(n).fill(-1); // -1 free, else index in accepted of the owner
  const inContent = new Uint8Array(n);
  const order: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (candidates[i].score >= threshold) order.push(i);
  order.sort((a, b) => candidates[b].score - candidates[a].score || candidates[a].head - candidates[b].head);
  const accepted: Candidate[] = [];
  for (const i of order) {
    const c = candidates[i];
    let blocked = false;
    // "reportedly", "a reported offer" qualify the words they stand in, even inside another attribution's content
    const local = c.form === 'modifier' || c.form === 'adverb';
    for (let k = c.first; k <= c.last && !blocked; k++)
      if (role[k] >= 0 || (inContent[k] && !local && c.score < nestedThreshold)) blocked = true;
    if (blocked) continue;
    const id = accepted.length;
    accepted.push(c);
    for (let k = c.first; k <= c.last; k++) role[k] = id;
    if (c.source) for (let k = c.source.first; k <= c.source.last; k++) if (role[k] < 0) role[k] = id;
    for (const r of c.content) for (let k = r.first; k <= r.last; k++) inContent[k] = 1;
  }
  accepted.sort((a, b) => a.head - b.head);
  return accepted;
}
