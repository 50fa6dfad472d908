/**
 * Writing systems, as the preview images need them: which one a character belongs to (to say
 * which script a font lacks, by its name in French), and which way a line runs (Arabic and
 * Hebrew names are drawn right to left).
 */

/** Unicode's scripts by their ISO 15924 code (Unicode's short names), but Common and Inherited. */
const SCRIPTS = (
  'Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi Buhd Cakm ' +
  'Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor ' +
  'Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital ' +
  'Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci ' +
  'Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Miao Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand ' +
  'Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx ' +
  'Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund ' +
  'Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr ' +
  'Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb'
)
  .split(' ')
  // A runtime whose Unicode data is older knows fewer scripts: those it does not know are skipped.
  .flatMap((code) => {
    try {
      return [[code, new RegExp(`^\\p{sc=${code}}$`, 'u')] as const];
    } catch {
      return [];
    }
  });

/** The ISO 15924 code of the script `char` is written in: `Zyyy` for punctuation and symbols common to all. */
export function scriptOf(char: string): string {
  return SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Zyyy';
}

const names = new Intl.DisplayNames('fr', { type: 'script', fallback: 'code' });

/** A script's name in French, with its code: « arabe (Arab) ». */
export function scriptName(code: string): string {
  return code === 'Zyyy' ? 'signes communs (Zyyy)' : `${names.of(code)} (${code})`;
}

/** Letters of the scripts written right to left. */
const RTL =
  /[\p{sc=Arab}\p{sc=Hebr}\p{sc=Syrc}\p{sc=Thaa}\p{sc=Nkoo}\p{sc=Adlm}\p{sc=Rohg}\p{sc=Samr}\p{sc=Mand}\p{sc=Mend}\p{sc=Yezi}]/u;
/** Letters, of any script: a strong direction. */
const LETTER = /\p{L}/u;

/** Which way `text` runs, from its first letter; `undefined` when it has none (digits, punctuation). */
export function direction(text: string): 'ltr' | 'rtl' | undefined {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (LETTER.test(char)) return 'ltr';
  }
  return undefined;
}

/**
 * The order in which the words of a line are drawn from left to right: the line runs the way
 * of its first letter, and a run of words written the other way is turned round within it (a
 * word-level form of Unicode's bidirectional algorithm; a word without letters joins the run
 * around it when both sides agree).
 */
export function visualOrder<T>(words: readonly T[], textOf: (word: T) => string): T[] {
  const ways = words.map((w) => direction(textOf(w)));
  const base = ways.find((w) => w !== undefined) ?? 'ltr';
  // A word without letters takes the way of its neighbours when they agree, else the line's.
  const resolved = ways.map((way, i) => {
    if (way) return way;
    const before = ways.slice(0, i).findLast((w) => w !== undefined) ?? base;
    const after = ways.slice(i + 1).find((w) => w !== undefined) ?? base;
    return before === after ? before : base;
  });
  const order = words.map((_, i) => i);
  if (base === 'rtl') order.reverse();
  const out: T[] = [];
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && resolved[order[j]!] !== base) j++;
    if (j > i) {
      out.push(
        ...order
          .slice(i, j)
          .reverse()
          .map((k) => words[k]!),
      );
      i = j;
    } else {
      out.push(words[order[i]!]!);
      i++;
    }
  }
  return out;
}
