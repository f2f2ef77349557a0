/**
 * Name matching for presets and precisions (sheet-function contract, "Catalog functions"):
 * case-insensitive, ignoring spaces, hyphens, underscores and vendor words.
 */
import { distance } from 'fastest-levenshtein';

const VENDOR_WORDS = /\b(nvidia|geforce|amd|instinct|apple|google)\b/g;

/** `"NVIDIA GeForce RTX 4090"`, `"rtx4090"` and `"RTX-4090"` all become `"rtx4090"`. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(VENDOR_WORDS, ' ')
    .replace(/[\s\-_]+/g, '');
}

/**
 * Up to `limit` candidates closest to `name` by edit distance on normalized names, best first.
 * A candidate that contains the query (or is contained by it) ranks as close.
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const query = normalizeName(name);
  const scored = candidates.map((candidate) => {
    const key = normalizeName(candidate);
    const contains = query.length > 0 && (key.includes(query) || query.includes(key));
    return { candidate, score: contains ? 0 : distance(query, key) / Math.max(key.length, 1) };
  });
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/**
 * The candidates close enough to `name` to be what was meant (a typo, not another word): within
 * a third of the candidate's length in edit distance on normalized names, best first.
 */
export function nearNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const query = normalizeName(name);
  return candidates
    .map((candidate) => {
      const key = normalizeName(candidate);
      return { candidate, score: distance(query, key) / Math.max(key.length, query.length, 1) };
    })
    .filter((s) => s.score <= 1 / 3)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
