/**
 * Name matching for presets and precisions (sheet-function contract, "Catalog functions"):
 * case-insensitive, ignoring spaces, hyphens, underscores and vendor words.
 */
import { distance } from 'fastest-levenshtein';
import { InputError } from './errors';
import { formatCount, shorten } from './text';

/**
 * The longest name looked up (a GPU or model preset, a precision) or given (a custom GPU's name):
 * real names are under 100 characters (a Hugging Face id is at most 96). A longer one is refused
 * before any matching, which takes time in the length of the name; the fuzzy matches below give
 * no suggestion for it.
 */
export const MAX_NAME_LENGTH = 300;

/**
 * Refuses a name longer than MAX_NAME_LENGTH: `"xxxx…" is 1,048,576 characters long; a GPU name is
 * at most 300 characters`. `what` is what the name names ("GPU", "model", "precision").
 */
export function checkNameLength(name: string, what: string): void {
  if (name.length > MAX_NAME_LENGTH) {
    throw new InputError(
      `"${shorten(name, 60)}" is ${formatCount(name.length)} characters long; a ${what} name is at most ${MAX_NAME_LENGTH} characters`,
    );
  }
}

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
 * A candidate that contains the query (or is contained by it) ranks as close. A name longer than
 * MAX_NAME_LENGTH gets none.
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  if (name.length > MAX_NAME_LENGTH) return [];
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
 * a third of the candidate's length in edit distance on normalized names, best first. A name
 * longer than MAX_NAME_LENGTH gets none.
 */
export function nearNames(name: string, candidates: readonly string[], limit = 3): string[] {
  if (name.length > MAX_NAME_LENGTH) return [];
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
