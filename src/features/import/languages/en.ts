/**
 * English readouts: "On May 20, 2024, Foreign Minister X held a phone call with Belarusian
 * Foreign Minister Sergei Aleinik", "Secretary Antony J. Blinken spoke today with …".
 */
import { monthAlternation, wordSet, type LanguagePatterns } from './patterns.ts';

const months = [
  ['january', 'jan.', 'jan'],
  ['february', 'feb.', 'feb'],
  ['march', 'mar.'],
  ['april', 'apr.', 'apr'],
  ['may'],
  ['june', 'jun.'],
  ['july', 'jul.'],
  ['august', 'aug.', 'aug'],
  ['september', 'sept.', 'sep.', 'sept', 'sep'],
  ['october', 'oct.', 'oct'],
  ['november', 'nov.', 'nov'],
  ['december', 'dec.', 'dec'],
];
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH = monthAlternation(months);
const L = String.raw`\p{L}`;
const ORDINAL = '(?:st|nd|rd|th)?';
const SPAN = `(?:\\s*(?:-|–|and|to|through)\\s*(?<dayEnd>\\d{1,2})${ORDINAL})?`;
const START = `(?<![${L}\\p{N}])(?:on\\s+)?(?:(?:${WEEKDAYS}),?\\s+)?`;

export const en: LanguagePatterns = {
  tag: 'en',
  months,
  dates: [
    // "On May 20, 2024", "Monday, May 20, 2024", "March 11 and 12, 2025", "May 20-21, 2024".
    {
      pattern: new RegExp(
        `${START}(?<month>${MONTH})(?![${L}])\\s*(?<day>\\d{1,2})${ORDINAL}${SPAN},?\\s+(?<year>\\d{4})(?!\\p{N})`,
        'iu',
      ),
    },
    // "On 20 May 2024", "20th of May, 2024", "11-12 March 2025".
    {
      pattern: new RegExp(
        `${START}(?:the\\s+)?(?<day>\\d{1,2})${ORDINAL}${SPAN}\\s+(?:of\\s+)?(?<month>${MONTH})(?![${L}]),?\\s*(?<year>\\d{4})(?!\\p{N})`,
        'iu',
      ),
    },
  ],
  relativeDays: [
    {
      pattern: new RegExp(`(?<![${L}])(?:today|tonight|this\\s+(?:morning|afternoon|evening))(?![${L}])`, 'iu'),
      offset: 0,
    },
    { pattern: new RegExp(`(?<![${L}])yesterday(?![${L}])`, 'iu'), offset: -1 },
  ],
  formats: [
    {
      pattern: new RegExp(
        `(?<![${L}])(?:(?:tele)?phone(?:\\s+(?:call|conversation|talks?))?|telephoned|phoned|by\\s+(?:tele)?phone|over\\s+the\\s+(?:tele)?phone|on\\s+the\\s+(?:tele)?phone)(?![${L}])`,
        'iu',
      ),
      format: 'phone',
    },
    {
      pattern: new RegExp(
        `(?<![${L}])(?:video\\s*(?:call|conference|link|teleconference)|videoconference|virtual(?:ly|\\s+meeting|\\s+call)|by\\s+video|via\\s+video|online\\s+meeting)(?![${L}])`,
        'iu',
      ),
      format: 'video',
    },
    {
      pattern: new RegExp(
        `(?<![${L}])(?:call|calls|called|spoke|spoken|speaks)(?![${L}])(?!\\s+(?:for|on|upon|at)\\b)`,
        'iu',
      ),
      format: 'call',
    },
    {
      pattern: new RegExp(
        `(?<![${L}])(?:met|meets|(?:a|the|their|in)\\s+meeting\\s+with|held\\s+(?:talks|consultations|a\\s+bilateral)|hosted|received|welcomed|visited|in\\s+person)(?![${L}])`,
        'iu',
      ),
      format: 'in-person',
    },
  ],
  placeBefore: /(?:^|[\s(])(?:in|at|to)\s*$/iu,
  ofBefore: /(?:^|[\s(])(?:of|from)\s*$/iu,
  placePrepositions: 'in|at',
  spokespersonRole: /spokes(?:person|man|woman)|press\s+secretary/iu,
  roleHeads:
    "(?:member|minister|foreign\\s+minister|prime\\s+minister|deputy|vice|secretary|under\\s+secretary|assistant\\s+secretary|secretary-general|president|vice\\s+president|premier|ambassador|envoy|special\\s+envoy|representative|high\\s+representative|chancellor|king|queen|prince|princess|emir|sheikh|sultan|director|director-general|chair|chairman|chairwoman|chairperson|commissioner|counselor|counsellor|adviser|advisor|spokesperson|spokesman|spokeswoman|governor|mayor|senator|chief|head|state\\s+councilor|acting|minister-counselor|charg[ée]\\s+d[’']affaires)",
  roleArticle: /^(?:the\s+)/iu,
  clauseBoundary: new RegExp(
    `(?<![${L}])(?:with|and|by|to|met|spoke|called|received|hosted|welcomed|between|told|said|held|had|where|who|whom|today|yesterday)(?![${L}])|[;:()“”"]`,
    'giu',
  ),
  designation: /(?:^|[\s,(])((?:his|her|their)\s+[^,;.!?“”"]{2,60}?)\s*,?\s*$/u,
  notNames: wordSet(
    // Sentence starts.
    'The A An On In At During After Before Following Today Yesterday This That These Those Both He She They It His Her Their Its We Our As And But For With Also Earlier Later Upon While When According Throughout Over Under Since Further Separately Meanwhile',
    // Titles and honorifics.
    'Mr Mrs Ms Miss Dr Sir Dame Lord Lady H.E His Excellency Honorable Hon Secretary Secretaries Minister Ministers President Vice Premier Prime Chancellor Ambassador Envoy Special Deputy Under Assistant Acting General Director Director-General Secretary-General Chair Chairman Chairwoman Chairperson Spokesperson Spokesman Spokeswoman Press King Queen Prince Princess Crown Emir Sheikh Sultan Governor Mayor Senator Representative Congressman Congresswoman Commissioner Counselor Counsellor Adviser Advisor Chief Head High Councilor Member',
    // Offices, bodies, institutions.
    'State Department Ministry Foreign Affairs Defense Defence Office Committee Central Council Party Bureau Political Politburo Government Embassy Republic Kingdom Union Nations United Assembly Parliament Commission Organization Organisation Cooperation Security Summit Forum House White Cabinet Agency Bank Fund Court Senate Congress People’s Peoples Federation Federal National International Economic Development Trade Policy Strategic Dialogue Conference Meeting Group Alliance Treaty Initiative Belt Road Readout Statement Media Note Release',
    // Parts of place names.
    'Middle East West North South Eastern Western Northern Southern Asia Europe Africa America Americas Pacific Atlantic Indian Arctic Gulf Sea Ocean Strait Peninsula Island Islands Saint St',
    ...months.map((m) => m.join(' ')),
    WEEKDAYS.replaceAll('|', ' '),
  ),
  titles: wordSet(
    'Mr Mrs Ms Miss Dr Sir Dame Lord Lady Excellency Secretary Minister President Premier Chancellor Ambassador Envoy Spokesperson Spokesman Spokeswoman Governor Senator Mayor King Queen Prince Princess Emir Sheikh Sultan Counselor Director Chairman Chairwoman Chair Commissioner Representative',
  ),
  spokesperson: [
    /^the\s+(?:below|following)\s+is\s+attributable\s+to\s+(?:the\s+)?(?:[\p{L} ]*?\s)?(?:spokesperson|spokesman|spokeswoman|press\s+secretary)\s+(?<name>[^:]+?)\s*[:.]?$/iu,
    /^(?:statement|readout|remarks)\s+(?:by|from|of)\s+(?:the\s+)?(?:[\p{L} ]*?\s)?(?:spokesperson|spokesman|spokeswoman|press\s+secretary)\s+(?<name>[^:]+?)\s*[:.]?$/iu,
  ],
  todayWord: 'today',
};
