/**
 * The results of every part of the index, ranked as one index would rank them.
 *
 * Pagefind scores a page with BM25 (`pagefind_web/src/search.rs`): each word found weighs its
 * term's rarity (`calculate_idf`: the number of pages of the index, and how many of them hold
 * the term) times its frequency on the page against the average page length of the index
 * (`calculate_bm25_word_score`), times a bonus when the query's accents match
 * (`diacritic_bonus`, which the site turns off: see `RANKING_OPTIONS`); words found in the title
 * add a boost that again weighs their rarity. All three statistics are the index's own. Pagefind's `mergeIndex` only sorts the indexes' scores
 * together (`Pagefind.search` in `pagefind_web_js/lib/coupled_search.ts`), so a page's rank would
 * depend on which part it is in: a word common in 2024 and rare in 2019 would lift 2019's pages.
 *
 * So each part is searched in Pagefind's « playground mode », which returns, for every result,
 * the pieces of its score (each word's weighted frequency, length bonus, and how many pages of
 * the part hold its term; the page's length; the title's boost) and, for the query, each term's
 * rarity in the part. The pages and words of every part are known (`SearchManifest`). The score
 * is then computed again with the statistics of all parts together, with Pagefind's own formula
 * and defaults, in 32-bit floats as Pagefind computes them. `tests/unit/features/search.test.ts`
 * checks that the parts rank pages, score for score, as Pagefind's one index of the same pages
 * does; `tests/build/search.test.ts`, that the built parts rank them as one index per language.
 *
 * Terms are matched by position in the query: all languages' stemmers see the same words. A
 * part whose query was cut into another number of terms (Chinese, Japanese and Thai are cut
 * into words) is ranked with the statistics of the parts cut the same way.
 */

/** A filter's values and how many results hold each. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The pieces of one word's score, as Pagefind's playground gives them. */
export interface WordScore {
  /** The word of the index that matched (stemmed, without accents). */
  search_term: string;
  score: number;
  params: { weighted_term_frequency: number; pages_containing_term: number; length_bonus: number };
}

/** A title's (or another metadata field's) boost, as Pagefind's playground gives it. */
export interface MetaScore {
  field_name: string;
  field_weight: number;
  matched_terms: string[];
  coverage_boost: number;
}

/** One result of one part, as Pagefind's worker returns it. */
export interface PartResult {
  id: string;
  score: number;
  /** The positions of the words found. */
  words: number[];
  /** What to ask the worker for the page's fragment. */
  data: string;
  params?: { document_length: number; average_page_length: number; total_pages: number };
  scores?: WordScore[];
  verbose_meta_scores?: MetaScore[];
}

/** One part's answer to a search, as Pagefind's worker returns it. */
export interface PartResponse {
  results: PartResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  /** Each term of the query, stemmed, and its rarity in the part (playground mode only). */
  query_term_idfs?: { term: string; idf: number }[];
}

/** What ranking needs to know of a part: its pages, and the words Pagefind counted in them. */
export interface PartStats {
  pages: number;
  words: number;
}

export interface RankedResult {
  /** The index of its part in the list given to `rankAsOne`. */
  part: number;
  result: PartResult;
  /** Its score as one index of all parts would give it. */
  score: number;
}

/**
 * The ranking the site asks of Pagefind: its defaults, but no bonus for a word whose accents
 * match the query's. That bonus is not a property of the page: in a page holding several forms
 * of one stem (« économie », « économique »), Pagefind 1.6 takes the first form its index met
 * (`words.iter().find(…)` in `search_term`; forms are listed as the index first meets them,
 * `pagefind/src/index/mod.rs`), so one page would score differently in a part and in one index.
 * Without it, a word is found the same with or without its accents.
 */
export const RANKING_OPTIONS = { diacriticSimilarity: 0 };

/** Pagefind's default ranking weights (`RankingWeights::default()` in `pagefind_web/src/lib.rs`), as 32-bit floats. */
const f = Math.fround;
export const RANKING = {
  termSaturation: f(1.4),
  pageLength: f(0.75),
  termFrequency: f(1.0),
};

/** `calculate_idf`: how rare a term is in an index. */
export function idf(totalPages: number, pagesWithTerm: number): number {
  return f(Math.log(f(f(f(totalPages - pagesWithTerm + 0.5) / f(pagesWithTerm + 0.5)) + 1)));
}

/** How many pages hold a term, from its rarity in an index of `totalPages` (the inverse of `idf`). */
export function pagesWithTerm(totalPages: number, rarity: number): number {
  const ratio = Math.expm1(rarity);
  const pages = Math.round((totalPages + 0.5 - 0.5 * ratio) / (ratio + 1));
  return Math.min(totalPages, Math.max(0, pages));
}

/** `calculate_bm25_word_score`, without the rarity: how much a word's frequency on a page counts. */
export function termFrequency(
  weighted: number,
  lengthBonus: number,
  pageLength: number,
  averageLength: number,
): number {
  const { termSaturation: k1, pageLength: b, termFrequency: tf } = RANKING;
  const withLength = f(weighted * lengthBonus);
  const bm25 = f(
    f(f(k1 + 1) * withLength) / f(f(k1 * f(f(1 - b) + f(b * f(pageLength / averageLength)))) + withLength),
  );
  const raw = Math.min(f(withLength / f(averageLength / 5)), f(k1 + 1));
  return f(f(f(1 - tf) * raw) + f(tf * bm25));
}

/** The statistics a score is computed with: an index's pages, their average length, and each term's pages. */
interface IndexStats {
  pages: number;
  averageLength: number;
  /** Pages holding each term of the query, by its position. */
  termPages: number[];
  /** How rare each term is (`idf`), and their sum. */
  rarity: number[];
  totalRarity: number;
}

function indexStats(pages: number, words: number, termPages: number[]): IndexStats {
  const rarity = termPages.map((holding) => idf(pages, holding));
  return {
    pages,
    averageLength: pages > 0 ? f(words / pages) : 0,
    termPages,
    rarity,
    totalRarity: rarity.reduce((sum, r) => f(sum + r), 0),
  };
}

/** The query term a word of the index was found for: the first whose stem it extends, or, failing that, prefixes. */
function termOf(word: string, terms: readonly string[], pages?: number, termPages?: readonly number[]): number {
  let candidates = terms.flatMap((term, i) => (word.startsWith(term) ? [i] : []));
  if (candidates.length === 0) candidates = terms.flatMap((term, i) => (term.startsWith(word) ? [i] : []));
  if (pages !== undefined && termPages) {
    const same = candidates.find((i) => termPages[i] === pages);
    if (same !== undefined) return same;
  }
  return candidates[0] ?? 0;
}

/** A result's score with the statistics `stats`, from the pieces Pagefind gave of it. */
export function scoreWith(result: PartResult, terms: readonly string[], local: IndexStats, stats: IndexStats): number {
  if (!result.scores || !result.params) return result.score;
  const pageLength = result.params.document_length;
  const { rarity, totalRarity: total } = stats;
  const meta = result.verbose_meta_scores ?? [];
  let score = 0;
  for (const word of result.scores) {
    const term = termOf(word.search_term, terms, word.params.pages_containing_term, local.termPages);
    const frequency = termFrequency(
      word.params.weighted_term_frequency,
      word.params.length_bonus,
      pageLength,
      stats.averageLength,
    );
    score = f(score + f(rarity[term]! * frequency));
  }
  for (const field of meta) {
    const matched = field.matched_terms.reduce((sum, word) => f(sum + rarity[termOf(word, terms)]!), 0);
    const coverage = f(matched / total);
    if (total > 0) score = f(score + f(f(f(field.field_weight * matched) * coverage) * coverage));
  }
  return score;
}

/** A part's own statistics for the query of `response`. */
export function partStats(stats: PartStats, response: PartResponse): IndexStats {
  const termPages = (response.query_term_idfs ?? []).map((t) => pagesWithTerm(stats.pages, t.idf));
  return indexStats(stats.pages, stats.words, termPages);
}

/**
 * The results of all parts, scored as one index of all their pages would score them, best first;
 * results of equal score keep the order of the parts, then each part's own. The parts of `dropped`
 * (`fallbackParts`, which the caller needs too, to leave their filters out) give none.
 */
export function rankAsOne(
  all: readonly { stats: PartStats; response: PartResponse }[],
  dropped: ReadonlySet<number>,
): RankedResult[] {
  // A part left out holds no page of the term, as one index would count it.
  const parts = all.map((p, i) =>
    dropped.has(i)
      ? {
          stats: p.stats,
          response: {
            ...p.response,
            results: [],
            query_term_idfs: (p.response.query_term_idfs ?? []).map(({ term }) => ({
              term,
              idf: idf(p.stats.pages, 0),
            })),
          },
        }
      : p,
  );
  const local = parts.map((p) => partStats(p.stats, p.response));
  // Parts whose query has the same number of terms share their statistics.
  const sums = new Map<number, { pages: number; words: number; termPages: number[] }>();
  parts.forEach((p, i) => {
    const terms = p.response.query_term_idfs?.length ?? 0;
    const sum = sums.get(terms) ?? { pages: 0, words: 0, termPages: new Array<number>(terms).fill(0) };
    sum.pages += p.stats.pages;
    sum.words += p.stats.words;
    local[i]!.termPages.forEach((pages, t) => (sum.termPages[t]! += pages));
    sums.set(terms, sum);
  });
  const groups = new Map([...sums].map(([terms, sum]) => [terms, indexStats(sum.pages, sum.words, sum.termPages)]));
  const ranked = parts.flatMap((p, i) => {
    const terms = (p.response.query_term_idfs ?? []).map((t) => t.term);
    const stats = groups.get(terms.length)!;
    return p.response.results.map((result) => ({ part: i, result, score: scoreWith(result, terms, local[i]!, stats) }));
  });
  // Array.prototype.sort is stable: equal scores keep the order above.
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * The parts whose results one index of their language would not give. Finding no word that
 * begins with a term of the query, Pagefind falls back to the longest beginning of the term its
 * index holds (« avec » finds the pages holding « a »): a part that lacks the word falls back
 * further than one index of all the parts, which holds the longest beginning any of them holds.
 * Such a part is left out of the results, as one index leaves its pages out. Parts are compared within their language (`language`, as
 * the manifest's parts carry it), each language being one index.
 */
export function fallbackParts(
  parts: readonly { stats: PartStats & { language?: string }; response: PartResponse }[],
): Set<number> {
  const byLanguage = new Map<string, number[]>();
  parts.forEach((p, i) => {
    const language = p.stats.language ?? '';
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), i]);
  });
  const dropped = new Set<number>();
  for (const members of byLanguage.values()) {
    const terms = parts[members[0]!]!.response.query_term_idfs ?? [];
    terms.forEach((_, t) => {
      // How much of the term each part found: all of it (a word that begins with it), or the
      // longest beginning of it that a word of the part is.
      const reach = members.map((i) => {
        const term = parts[i]!.response.query_term_idfs?.[t]?.term ?? '';
        const found = parts[i]!.response.results.flatMap((r) => (r.scores ?? []).map((s) => s.search_term));
        const length = found.reduce(
          (most, w) => Math.max(most, w.startsWith(term) ? term.length : term.startsWith(w) ? w.length : -1),
          -1,
        );
        return { i, length };
      });
      const longest = reach.reduce((most, r) => Math.max(most, r.length), -1);
      for (const r of reach) if (r.length >= 0 && r.length < longest) dropped.add(r.i);
    });
  }
  return dropped;
}

/** The sum of several parts' filter counts. */
export function addCounts(counts: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const filters of counts) {
    for (const [filter, values] of Object.entries(filters)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
