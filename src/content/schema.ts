/**
 * The content contract: one strict schema per collection. `src/content.config.ts`
 * hands these to Astro, and `src/content/validate/` applies the same schemas to the raw
 * files before any build, so an author gets one answer from both.
 */
import { z } from 'astro/zod';
import { dateRange, daysBetween, isCalendarDate } from './dates.ts';
import { SLUG } from './ids.ts';
import { isCountryCode } from './countries.ts';
import { languageProblem } from './languages.ts';


/** The id of a record in another collection; whether it exists is checked across files. */
export const recordId = z
  .string({ error: 'attendu : un identifiant (texte)' })
  .regex(SLUG, { error: 'attendu : un identifiant en minuscules ASCII, mots séparés par des tirets' });

const text = (what: string) =>
  z
    .string({ error: `attendu : ${what} (texte)` })
    .trim()
    .min(1, { error: `attendu : ${what}, non vide` });

/**
 * A calendar day as the author wrote it, `YYYY-MM-DD`, returned as that same string.
 * Astro's YAML parser turns an unquoted date into a `Date` at UTC midnight; it is read
 * back with UTC getters, so the day never moves with the build's time zone. Dates that a
 * YAML parser would roll over (`2024-02-30`) or shift (`0024-05-20`, read by YAML 1.1 as 1924)
 * are caught on the raw text by the validator, before Astro reads them; days outside
 * `dateRange()` are refused on both sides.
 */
export const calendarDate = z
  .union([z.string(), z.date()], { error: 'attendu : une date AAAA-MM-JJ' })
  .transform((written, ctx) => {
    let value = written;
    if (value instanceof Date) {
      const iso = value.toISOString();
      if (!iso.endsWith('T00:00:00.000Z')) {
        ctx.addIssue({ code: 'custom', message: 'attendu : une date AAAA-MM-JJ, sans heure' });
        return z.NEVER;
      }
      value = iso.slice(0, 10);
    }
    if (!isCalendarDate(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `attendu : une date réelle au format AAAA-MM-JJ, reçu « ${value} »`,
      });
      return z.NEVER;
    }
    const range = dateRange();
    if (value < range.first || value > range.last) {
      ctx.addIssue({
        code: 'custom',
        message: `attendu : une date entre le ${range.first} et le ${range.last} (un an après aujourd’hui), reçu « ${value} »`,
      });
      return z.NEVER;
    }
    return value;
  });

/** An ISO 3166-1 alpha-2 code that ISO has assigned (`src/content/countries.ts`); its French name comes from CLDR. */
export const country = z.string({ error: 'attendu : un code pays ISO 3166-1 alpha-2 (texte)' }).refine(isCountryCode, {
  error: (issue) =>
    `« ${String(issue.input)} » n’est pas un code pays ISO 3166-1 alpha-2 attribué : attendu deux lettres majuscules comme « FR », « CN » ou « BY »`,
});

/**
 * A BCP 47 language tag such as `fr`, `en`, `zh`, `zh-Hant`: in its canonical form, and named by
 * the runtime's CLDR data (`src/content/languages.ts`), which gives its French name.
 */
export const language = z.string({ error: 'attendu : une langue (étiquette BCP 47, texte)' }).superRefine((tag, ctx) => {
  const problem = languageProblem(tag);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** Both or neither: a name in another script needs its language. */
const originalNameComplete = (data: { nameOriginal?: string | undefined; nameOriginalLang?: string | undefined }) =>
  (data.nameOriginal === undefined) === (data.nameOriginalLang === undefined);
const originalNameMessage = {
  error: 'attendu : nameOriginal et nameOriginalLang ensemble',
  path: ['nameOriginalLang'],
};

/** Names by which the text may refer to a record, exactly as written (used for links in the text). */
const aliases = z.array(text('un alias')).default([]);

export const participantSchema = z.strictObject({
  /** Id of the person in `content/people/`. */
  person: recordId,
  /** The role this document gives the person at the meeting, in its own words where possible. */
  role: text('le rôle tel que le document l’énonce'),
  /** The words the document uses for the person when they are not a name (« son homologue biélorusse »); must appear in the text. */
  designation: text('la désignation employée par le document').optional(),
});

export const mentionSchema = z.strictObject({
  /** Id of the person in `content/people/`. */
  person: recordId,
  /** The words the document uses for the person; must appear in the text. */
  designation: text('la désignation employée par le document').optional(),
  /** An editorial note: how the archive identified the person, when the text does not name them. */
  note: text('une note').optional(),
});

export const sourceSchema = z.strictObject({
  /** Who published the original (a ministry, an agency). */
  publisher: text('l’éditeur de la source'),
  /** Where the original was published. */
  url: z.url({ protocol: /^https?$/, error: 'attendu : une adresse http(s) complète' }).trim().optional(),
  /** The day the original was published, when the source shows it; never inferred from the meeting's date. */
  published: calendarDate.optional(),
  /** The day the source says it last changed its text (« Dernière modification : … »), when it says so. */
  modified: calendarDate.optional(),
  /** The day the archive copied the original. */
  retrieved: calendarDate.optional(),
  /** Where the archive copied the text, when someone other than its publisher republished it (an aggregator, an embassy's site). */
  via: z
    .strictObject({
      /** Who republished the text. */
      name: text('le nom du site qui a republié le texte'),
      /** The address the archive copied it from. */
      url: z.url({ protocol: /^https?$/, error: 'attendu : une adresse http(s) complète' }).trim().optional(),
    })
    .optional(),
});

/** A source's days in order: the text is published before it is modified. */
function sourceDays(
  data: { source?: { published?: string | undefined; modified?: string | undefined } | undefined },
  ctx: z.RefinementCtx,
): void {
  const { published, modified } = data.source ?? {};
  if (published !== undefined && modified !== undefined && modified < published) {
    ctx.addIssue({
      code: 'custom',
      path: ['source', 'modified'],
      message: `attendu : un jour à partir de la publication (source.published, ${published}), reçu « ${modified} »`,
    });
  }
}

/**
 * How the meeting was held: face to face, on the telephone, by video link, or a call whose
 * medium the text does not state (`call`: neither telephone nor video is made up for it).
 */
export const readoutFormats = ['in-person', 'phone', 'video', 'call'] as const;
export type ReadoutFormat = (typeof readoutFormats)[number];

/** The longest span of talks (`date` to `dateEnd`), in days: more is a typo of a year or a month. */
export const MAX_SPAN_DAYS = 31;

/** Talks over several days end after they begin, and within `MAX_SPAN_DAYS`. */
function spanInOrder(data: { date: string; dateEnd?: string | undefined }, ctx: z.RefinementCtx): void {
  if (data.dateEnd === undefined) return;
  if (data.dateEnd <= data.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateEnd'],
      message:
        data.dateEnd === data.date
          ? 'dateEnd est le jour de date : pour des entretiens d’un jour, supprimez « dateEnd »'
          : `attendu : un jour après date (${data.date}), reçu « ${data.dateEnd} »`,
    });
  } else if (daysBetween(data.date, data.dateEnd) > MAX_SPAN_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateEnd'],
      message: `attendu : au plus ${MAX_SPAN_DAYS} jours après date (${data.date}), reçu « ${data.dateEnd} »`,
    });
  }
}

/** A meeting in person has a place; a call has none, and none is ever made up for it. */
function placeForFormat(data: { format: ReadoutFormat; place?: string | undefined }, ctx: z.RefinementCtx): void {
  if (data.format === 'in-person' && data.place === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['place'],
      message:
        'attendu : l’identifiant du lieu, qu’un entretien en personne a toujours ; « format: phone », « format: video » ou « format: call » pour un appel',
    });
  } else if (data.format !== 'in-person' && data.place !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['place'],
      message: 'un appel (au téléphone, par visioconférence ou par un moyen non précisé) n’a pas de lieu : supprimez « place »',
    });
  }
}

export const readoutSchema = z
  .strictObject({
  /** A factual French title written by the archive (documents rarely carry one). */
  title: text('un titre'),
  /** The calendar day of the meeting, `YYYY-MM-DD`: the first day, for talks over several days. */
  date: calendarDate,
  /** The last day of talks held over several days, as the text states them; absent for one day. */
  dateEnd: calendarDate.optional(),
  /**
   * The meeting this document reports, when the archive holds more than one account of it: the
   * same id in every account (`/rencontres/<id>/`). Each account keeps its own fields, as its
   * text states them.
   */
  meeting: recordId.optional(),
  /**
   * How the meeting was held; in person unless the text says otherwise (« au téléphone », « par
   * visioconférence »); `call` when the text says it was a call without saying how.
   */
  format: z
    .enum(readoutFormats, { error: `attendu : une forme parmi ${readoutFormats.join(', ')}` })
    .default('in-person'),
  /** Id of the place in `content/places/`: where a meeting in person was held. A call has none. */
  place: recordId.optional(),
  /** The occasion of the meeting (a summit, a ministerial council), if any. */
  event: text('l’occasion de la rencontre').optional(),
  /** The people who took part, with the role the document states. */
  participants: z
    .array(participantSchema, { error: 'attendu : une liste de participants' })
    .min(1, { error: 'attendu : au moins un participant' }),
  /** People mentioned in the text who did not take part. */
  mentions: z.array(z.union([recordId, mentionSchema])).default([]),
  /** Ids of topics in `content/topics/`. */
  topics: z
    .array(recordId, { error: 'attendu : une liste de thèmes' })
    .min(1, { error: 'attendu : au moins un thème' }),
  /** Language of the text as its publisher wrote it (BCP 47: `fr`, `en`, `ru`, `zh`). */
  language,
  /** Where the original comes from; absent when the source does not say. */
  source: sourceSchema.optional(),
})
  .superRefine((data, ctx) => {
    placeForFormat(data, ctx);
    spanInOrder(data, ctx);
    sourceDays(data, ctx);
  });

export const personSchema = z
  .strictObject({
    /** The name as French texts write it. */
    name: text('le nom en français'),
    /**
     * The name as an index sorts it, family name first (« Wang, Yi », « Le Drian, Jean-Yves »),
     * where the default, the last word of `name` first, would be wrong.
     */
    sortName: text('le nom de classement').optional(),
    /** The name in its original script (王毅, Сергей Алейник). */
    nameOriginal: text('le nom dans l’écriture d’origine').optional(),
    /** Language of `nameOriginal` (BCP 47: `zh`, `ru`, `be`), so browsers and screen readers read it right. */
    nameOriginalLang: language.optional(),
    /** Country the person serves or belongs to. */
    country,
    /** One sentence saying who the person is. */
    description: text('une description').optional(),
    aliases,
  })
  .refine(originalNameComplete, originalNameMessage);

export const placeSchema = z
  .strictObject({
    /** The name as French texts write it. */
    name: text('le nom en français'),
    /** The name in its local script. */
    nameOriginal: text('le nom dans l’écriture d’origine').optional(),
    /** Language of `nameOriginal` (BCP 47). */
    nameOriginalLang: language.optional(),
    country,
    aliases,
  })
  .refine(originalNameComplete, originalNameMessage);

export const topicKinds = ['organisation', 'initiative', 'question', 'relation', 'theme'] as const;

export const topicSchema = z.strictObject({
  /** The label shown to readers. */
  label: text('un libellé'),
  /** What sort of topic this is. */
  kind: z.enum(topicKinds, { error: `attendu : un type parmi ${topicKinds.join(', ')}` }),
  /** One or two sentences of context. */
  description: text('une description'),
  aliases,
});

export type ReadoutData = z.output<typeof readoutSchema>;
export type PersonData = z.output<typeof personSchema>;
export type PlaceData = z.output<typeof placeSchema>;
export type TopicData = z.output<typeof topicSchema>;
export type TopicKind = (typeof topicKinds)[number];

/** The four collections, their folder under `content/` and the schema of each. */
export const collections = {
  readouts: { folder: 'readouts', extension: '.md', schema: readoutSchema },
  people: { folder: 'people', extension: '.yaml', schema: personSchema },
  places: { folder: 'places', extension: '.yaml', schema: placeSchema },
  topics: { folder: 'topics', extension: '.yaml', schema: topicSchema },
} as const;

export type CollectionName = keyof typeof collections;

/** The collections of records (people, topics, places): each record has a page, and aliases that lead to it. */
export const recordCollections = ['people', 'topics', 'places'] as const satisfies readonly CollectionName[];
export type RecordCollection = (typeof recordCollections)[number];

export function isRecordCollection(name: CollectionName): name is RecordCollection {
  return (recordCollections as readonly string[]).includes(name);
}
