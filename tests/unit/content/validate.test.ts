/**
 * Every validation rule, one broken input each: a copy of `content/` with one fixture from
 * `tests/fixtures/invalid/<case>/` laid over it must give exactly one error, naming the
 * fixture's file and the field. The same rules run in `astro build` (see
 * `tests/build/bad-input.test.ts`, which builds a representative subset for real).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from '../../support/build.ts';
import { contentWith, fixtures } from '../../support/content-copy.ts';
import { contentWithGenerated, generatedCases } from '../../support/generated-invalid.ts';
import { checkContent } from '#features/guard/check.ts';
import { checkBody } from '#content/validate/body.ts';
import { errorsOf, formatProblem, type Problem } from '#content/problem.ts';

interface Case {
  /** Folder under `tests/fixtures/invalid/`. */
  name: string;
  /** The broken file, relative to the content folder. */
  file: string;
  /** The field the error must name; for the text, `texte, ligne N` of the line holding `line`. */
  field: string | { line: string };
  message: RegExp;
  /** What the row proves, as a sentence. */
  why: string;
}

const doc = (name: string) => `readouts/2024/${name}.md`;
/** The id of the fixture `id-too-long`: 251 characters, one more than a file name with `.json` may take. */
const LONG_ID = `2024-05-21-${'wang-yi-sergei-aleinik-astana-conseil-des-ministres-'.repeat(5)}`.slice(0, 251);

// prettier-ignore
const cases: Case[] = [
  // References between files.
  { name: 'unknown-participant', file: doc('2024-05-21-participant-inconnu'), field: 'participants[0].person', message: /^« wang-yii » n’existe pas ; vouliez-vous dire `wang-yi` \?$/, why: 'a participant with no record is refused, with the nearest existing id' },
  { name: 'unknown-mention', file: doc('2024-05-21-mention-inconnue'), field: 'mentions[0]', message: /« xi-jinpin » n’existe pas ; vouliez-vous dire `xi-jinping` \?/, why: 'a mention with no record is refused, with the nearest existing id' },
  { name: 'unknown-topic', file: doc('2024-05-21-theme-inconnu'), field: 'topics[1]', message: /« theme-inconnu » n’existe pas : attendu.*content\/topics\/ \(corrigez-le, ou créez content\/topics\/theme-inconnu\.yaml\)/, why: 'a topic with no record, and none near, is refused, saying which record to create' },
  { name: 'unknown-place', file: doc('2024-05-21-lieu-inconnu'), field: 'place', message: /« pekin » n’existe pas.*content\/places\//, why: 'a place with no record is refused' },
  { name: 'duplicate-topic', file: doc('2024-05-21-theme-en-double'), field: 'topics[1]', message: /en double/, why: 'a topic listed twice is refused' },
  { name: 'duplicate-participant', file: doc('2024-05-21-participant-en-double'), field: 'participants[1].person', message: /figure déjà en participants\[0\]/, why: 'the same participant twice is refused' },
  { name: 'duplicate-mention', file: doc('2024-05-21-mention-en-double'), field: 'mentions[1].person', message: /figure déjà en mentions\[0\]/, why: 'the same person mentioned twice is refused' },
  { name: 'participant-also-mentioned', file: doc('2024-05-21-participant-mentionne'), field: 'mentions[0]', message: /participe déjà/, why: 'a participant also listed as mentioned is refused' },
  // Dates.
  { name: 'impossible-date', file: doc('2024-02-30-date-impossible'), field: 'date', message: /date réelle.*« 2024-02-30 »/, why: 'the 30th of February is refused' },
  { name: 'impossible-date-other-name', file: doc('2024-05-21-date-impossible'), field: 'date', message: /date réelle.*« 2024-02-30 »/, why: 'an impossible date gives one error, not also one about the file name' },
  { name: 'impossible-month', file: doc('2024-13-45-mois-impossible'), field: 'date', message: /date réelle.*« 2024-13-45 »/, why: 'a thirteenth month is refused' },
  { name: 'french-date', file: doc('2024-05-20-date-a-la-francaise'), field: 'date', message: /AAAA-MM-JJ.*« 20\/05\/2024 »/, why: 'a date written 20/05/2024 is refused' },
  { name: 'date-with-time', file: doc('2024-05-21-date-avec-heure'), field: 'date', message: /AAAA-MM-JJ.*« 2024-05-21T10:00:00 »/, why: 'a date with a time is refused' },
  { name: 'date-with-zone', file: doc('2024-05-21-date-avec-fuseau'), field: 'date', message: /AAAA-MM-JJ/, why: 'a date with a time and a time zone is refused' },
  { name: 'retrieved-impossible', file: doc('2024-05-21-consultation-impossible'), field: 'source.retrieved', message: /date réelle.*« 2024-06-31 »/, why: 'an impossible retrieval date is refused' },
  { name: 'date-in-text-field', file: doc('2024-05-21-occasion-lue-comme-date'), field: 'event', message: /serait lu comme une date.*guillemets/, why: 'an unquoted date where text belongs is refused, since Astro would read a date' },
  // Required fields.
  { name: 'missing-title', file: doc('2024-05-21-sans-titre'), field: 'title', message: /obligatoire absent.*titre/, why: 'a document without a title is refused' },
  { name: 'empty-title', file: doc('2024-05-21-titre-vide'), field: 'title', message: /titre, non vide/, why: 'a blank title is refused' },
  { name: 'missing-participants', file: doc('2024-05-21-sans-participants'), field: 'participants', message: /obligatoire absent.*participants/, why: 'a document without participants is refused' },
  { name: 'empty-participants', file: doc('2024-05-21-participants-vides'), field: 'participants', message: /au moins un participant/, why: 'an empty list of participants is refused' },
  { name: 'missing-role', file: doc('2024-05-21-sans-role'), field: 'participants[0].role', message: /obligatoire absent.*rôle/, why: 'a participant without a role is refused' },
  { name: 'missing-topics', file: doc('2024-05-21-sans-themes'), field: 'topics', message: /obligatoire absent.*thèmes/, why: 'a document without topics is refused' },
  { name: 'empty-topics', file: doc('2024-05-21-themes-vides'), field: 'topics', message: /au moins un thème/, why: 'an empty list of topics is refused' },
  { name: 'missing-place', file: doc('2024-05-21-sans-lieu'), field: 'place', message: /obligatoire absent.*entretien en personne a toujours.*format: phone/, why: 'a meeting in person without a place is refused' },
  { name: 'call-with-place', file: doc('2024-05-21-appel-avec-lieu'), field: 'place', message: /un appel \(au téléphone, par visioconférence ou par un moyen non précisé\) n’a pas de lieu : supprimez « place »/, why: 'a call given a place is refused: a call has none, and none is made up' },
  { name: 'unknown-format', file: doc('2024-05-21-forme-inconnue'), field: 'format', message: /attendu : une forme parmi in-person, phone, video, call/, why: 'a form of meeting the archive does not know is refused' },
  { name: 'date-end-before-date', file: doc('2024-05-21-fin-avant-debut'), field: 'dateEnd', message: /attendu : un jour après date \(2024-05-21\), reçu « 2024-05-20 »/, why: 'talks that end before they begin are refused' },
  { name: 'date-end-same-day', file: doc('2024-05-21-fin-le-meme-jour'), field: 'dateEnd', message: /pour des entretiens d’un jour, supprimez « dateEnd »/, why: 'a last day that is the first is refused: one day has no dateEnd' },
  { name: 'date-end-too-far', file: doc('2024-05-21-fin-un-an-apres'), field: 'dateEnd', message: /au plus 31 jours après date/, why: 'talks over more than a month, a typo of a year or a month, are refused' },
  { name: 'modified-before-published', file: doc('2024-05-21-modifie-avant-publication'), field: 'source.modified', message: /à partir de la publication \(source\.published, 2024-05-22\)/, why: 'a source changed before it was published is refused' },
  { name: 'meeting-days-apart', file: doc('2024-05-23-second-compte-rendu'), field: 'meeting', message: /aussi celle de \S*content\/readouts\/2024\/2024-05-21-premier-compte-rendu\.md \(2024-05-21\), qui n’a aucun jour en commun avec ce compte rendu \(2024-05-23\)/, why: 'two accounts of one meeting without a day in common are refused, naming both files' },
  { name: 'empty-body', file: doc('2024-05-21-texte-vide'), field: 'texte', message: /texte du document, non vide/, why: 'a document without text is refused' },
  { name: 'language-not-a-tag', file: doc('2024-05-21-langue-mal-ecrite'), field: 'language', message: /« en_GB » n’est pas une étiquette de langue BCP 47/, why: 'a language that is not a BCP 47 tag is refused' },
  { name: 'unknown-language', file: doc('2024-05-21-langue-inconnue'), field: 'language', message: /langue inconnue : « qaa » n’a pas de nom dans les données CLDR/, why: 'a language CLDR does not name, which no page could name in French, is refused' },
  { name: 'language-not-canonical', file: doc('2024-05-21-langue-en-majuscules'), field: 'language', message: /attendu : « en », la forme normale de l’étiquette « EN »/, why: 'a tag not written in its canonical form is refused, with that form' },
  { name: 'source-javascript-url', file: doc('2024-05-21-source-javascript'), field: 'source.url', message: /http\(s\)/, why: 'a source address that is not http(s) is refused' },
  // Unknown keys, in every collection.
  { name: 'unknown-key', file: doc('2024-05-21-cle-inconnue'), field: 'auteur', message: /clé inconnue.*title, date, dateEnd, meeting, format, place/, why: 'an unknown key in a document is refused, listing the keys allowed' },
  { name: 'unknown-key-participant', file: doc('2024-05-21-cle-inconnue-participant'), field: 'participants[0].fonction', message: /clé inconnue.*person, role, designation/, why: 'an unknown key in a participant is refused' },
  { name: 'unknown-key-mention', file: doc('2024-05-21-cle-inconnue-mention'), field: 'mentions[0].remarque', message: /clé inconnue.*person, designation, note/, why: 'an unknown key in a mention is refused' },
  { name: 'participants-not-list', file: doc('2024-05-21-participants-pas-en-liste'), field: 'participants', message: /attendu : une liste de participants/, why: 'participants written as one id instead of a list are refused' },
  { name: 'source-not-fields', file: doc('2024-05-21-source-en-texte'), field: 'source', message: /attendu : des champs « clé: valeur »/, why: 'a source written as text instead of its fields is refused' },
  { name: 'place-not-id', file: doc('2024-05-21-lieu-en-clair'), field: 'place', message: /attendu : un identifiant en minuscules ASCII/, why: 'a place written by its name instead of its id is refused' },
  { name: 'mention-not-id', file: doc('2024-05-21-mention-nombre'), field: 'mentions[0]', message: /attendu : un identifiant \(texte\), ou des champs/, why: 'a mention that is neither an id nor fields is refused' },
  { name: 'person-bad-language', file: 'people/wang-yi.yaml', field: 'nameOriginalLang', message: /langue inconnue : « chinois »/, why: 'the language of a name in its own script is a tag CLDR names' },
  { name: 'duplicate-alias', file: 'topics/organisation-shanghai.yaml', field: 'aliases[0]', message: /« OCS » est déjà un alias de .*content\/topics\/ocs\.yaml/, why: 'an alias another record already has is refused' },
  { name: 'duplicate-name', file: 'people/serguei-aleinik.yaml', field: 'name', message: /« Sergueï Aleïnik » est déjà le nom de .*content\/people\/sergei-aleinik\.yaml : deux fiches ne portent pas le même nom/, why: 'a copy of a record under another id is refused once, naming both files' },
  { name: 'duplicate-text', file: 'readouts/2024/copies/2024-05-20-copie.md', field: 'texte', message: /^même texte que .*content\/readouts\/2024\/2024-05-20-wang-yi-sergei-aleinik\.md \(même empreinte SHA-256 [0-9a-f]{12}…\)/, why: 'a copy of an archived text in another folder is refused, naming both files' },
  { name: 'redirects-not-list', file: 'redirects.yaml', field: '(racine)', message: /attendu : une liste d’entrées/, why: 'a redirects file that is not a list is refused' },
  { name: 'person-unknown-key', file: 'people/murat-nurtleu.yaml', field: 'nom', message: /clé inconnue/, why: 'an unknown key in a person is refused' },
  { name: 'topic-unknown-key', file: 'topics/g20.yaml', field: 'sigle', message: /clé inconnue/, why: 'an unknown key in a topic is refused' },
  { name: 'place-unknown-key', file: 'places/pekin.yaml', field: 'ville', message: /clé inconnue/, why: 'an unknown key in a place is refused' },
  { name: 'redirect-unknown-key', file: 'redirects.yaml', field: '[0].statut', message: /clé inconnue.*from, to, date, reason/, why: 'an unknown key in a redirect is refused' },
  // YAML itself.
  { name: 'duplicate-key', file: doc('2024-05-21-cle-en-double'), field: 'ligne 11', message: /YAML illisible : clé « title » écrite deux fois.*n’en gardez qu’une/, why: 'a key written twice is refused, in French, at its line of the file' },
  { name: 'yaml-unknown-tag', file: doc('2024-05-21-balise-yaml'), field: 'title', message: /titre/, why: 'a YAML tag that makes a title something other than text is refused' },
  { name: 'place-bad-yaml', file: 'places/pekin.yaml', field: 'ligne 2', message: /YAML illisible : ligne incomprise : attendu « clé: valeur », la clé alignée/, why: 'a record that is not valid YAML is refused, in French, at its line' },
  { name: 'stray-frontmatter-close', file: doc('2024-05-21-en-tete-ferme-trop-tot'), field: 'ligne 5', message: /^ligne « --- » qui ferme l’en-tête trop tôt : la ligne 6 \(« participants: »\) est encore un champ/, why: 'a stray « --- » inside the frontmatter is named, not the fields it cuts off' },
  { name: 'no-frontmatter', file: doc('2024-05-21-sans-en-tete'), field: '(YAML)', message: /« --- »/, why: 'a document without its YAML header is refused' },
  // Ids and files.
  { name: 'id-not-slug', file: doc('2024-05-21-Wang-Yi'), field: '(nom du fichier)', message: /minuscules ASCII/, why: 'a document id with capitals is refused' },
  { name: 'id-without-date', file: doc('wang-yi-astana'), field: '(nom du fichier)', message: /commencer par la date/, why: 'a document id that does not start with its date is refused' },
  { name: 'id-other-date', file: doc('2024-05-22-autre-date'), field: '(nom du fichier)', message: /« 2024-05-21-… »/, why: 'a document id that starts with another date is refused' },
  { name: 'duplicate-id', file: 'readouts/2023/2024-05-20-wang-yi-sergei-aleinik.md', field: '(nom du fichier)', message: /en double/, why: 'two documents with one id, in different folders, are refused' },
  { name: 'person-id-not-slug', file: 'people/Murat_Nurtleu.yaml', field: '(nom du fichier)', message: /minuscules ASCII/, why: 'a record id with capitals and an underscore is refused' },
  { name: 'person-duplicate-id', file: 'people/chine/wang-yi.yaml', field: '(nom du fichier)', message: /en double/, why: 'two people with one id are refused' },
  { name: 'stray-file', file: 'readouts/2024/notes.txt', field: '(fichier)', message: /\.md/, why: 'a file the archive would silently ignore is refused' },
  // Records.
  { name: 'person-missing-name', file: 'people/murat-nurtleu.yaml', field: 'name', message: /obligatoire absent.*nom/, why: 'a person without a name is refused' },
  { name: 'person-unknown-country', file: 'people/murat-nurtleu.yaml', field: 'country', message: /« XX » n’est pas un code pays ISO 3166-1 alpha-2 attribué/, why: 'a country code ISO has not assigned is refused' },
  { name: 'person-country-not-iso', file: 'people/murat-nurtleu.yaml', field: 'country', message: /« UK » n’est pas un code pays ISO 3166-1/, why: 'a region code that Intl names but ISO has not assigned (UK for GB) is refused' },
  { name: 'country-name-unknown-code', file: 'countries.yaml', field: 'EU', message: /« EU » n’est pas un code pays ISO 3166-1/, why: 'a name for a code that is not a country is refused in content/countries.yaml' },
  { name: 'country-name-empty', file: 'countries.yaml', field: 'BY', message: /nom français du pays.*non vide/, why: 'an empty name in content/countries.yaml is refused' },
  { name: 'country-names-not-mapping', file: 'countries.yaml', field: '(racine)', message: /attendu : des lignes « CODE: Nom »/, why: 'a content/countries.yaml that is not « CODE: Nom » lines is refused' },
  { name: 'person-original-name-without-language', file: 'people/murat-nurtleu.yaml', field: 'nameOriginalLang', message: /ensemble/, why: 'a name in another script without its language is refused' },
  { name: 'topic-unknown-kind', file: 'topics/g20.yaml', field: 'kind', message: /organisation, initiative/, why: 'a topic of an unknown kind is refused' },
  // The text: no HTML, safe links only.
  { name: 'designation-not-in-text', file: doc('2024-05-21-designation-absente'), field: 'participants[0].designation', message: /ne figure pas dans le texte/, why: 'a designation that the text does not contain is refused' },
  { name: 'html-script', file: doc('2024-05-21-html-script'), field: { line: '<script>' }, message: /HTML interdit.*<script>/, why: 'a script element in the text is refused' },
  { name: 'html-iframe', file: doc('2024-05-21-html-iframe'), field: { line: '<iframe' }, message: /HTML interdit.*<iframe/, why: 'an iframe in the text is refused' },
  { name: 'html-event-handler', file: doc('2024-05-21-html-evenement'), field: { line: 'onmouseover' }, message: /HTML interdit.*onmouseover/, why: 'an event-handler attribute in the text is refused once' },
  { name: 'html-tag', file: doc('2024-05-21-html-balise'), field: { line: '<b>' }, message: /HTML interdit.*<b>/, why: 'any HTML tag in the text is refused once' },
  { name: 'html-comment', file: doc('2024-05-21-html-commentaire'), field: { line: '<!--' }, message: /HTML interdit/, why: 'an HTML comment in the text is refused' },
  { name: 'javascript-link', file: doc('2024-05-21-lien-javascript'), field: { line: 'javascript:' }, message: /lien refusé.*javascript:/, why: 'a javascript: link is refused' },
  { name: 'javascript-reference-link', file: doc('2024-05-21-lien-reference-javascript'), field: { line: '[x]:' }, message: /lien refusé.*javascript:/, why: 'a javascript: link given as a reference definition is refused' },
  { name: 'data-link', file: doc('2024-05-21-lien-data'), field: { line: 'data:' }, message: /lien refusé.*data:/, why: 'a data: link is refused' },
  { name: 'protocol-relative-link', file: doc('2024-05-21-lien-sans-protocole'), field: { line: '//example.org' }, message: /lien refusé/, why: 'a protocol-relative link is refused' },
  { name: 'empty-heading', file: doc('2024-05-21-intertitre-vide'), field: { line: '#' }, message: /intertitre vide/, why: 'a heading without words, which the page would show empty, is refused' },
  { name: 'empty-link', file: doc('2024-05-21-lien-vide'), field: { line: '[](' }, message: /lien sans texte visible/, why: 'a link without words, which nobody could read or click, is refused' },
  { name: 'footnote-never-called', file: doc('2024-05-21-note-jamais-appelee'), field: { line: '[^1]:' }, message: /« \[\^1\] » jamais appelée/, why: 'a footnote the text never calls, which the page would leave out, is refused' },
  { name: 'footnote-twice', file: doc('2024-05-21-note-en-double'), field: { line: 'duré une heure' }, message: /déjà écrite ligne 17/, why: 'a second footnote under the same label, which the page would leave out, is refused' },
  { name: 'invisible-heading', file: doc('2024-05-21-intertitre-invisible'), field: { line: '### ' }, message: /intertitre vide/, why: 'a heading made of a zero-width space only is refused' },
  { name: 'invisible-paragraph', file: doc('2024-05-21-paragraphe-invisible'), field: { line: '\u200b' }, message: /^paragraphe invisible \(U\+200B…\)/, why: 'a paragraph made of zero-width spaces only is refused' },
  { name: 'dead-anchor', file: doc('2024-05-21-ancre-morte'), field: { line: '#p999' }, message: /^lien vers « #p999 », une ancre que la page n’a pas : attendu l’ancre d’un de ses paragraphes, de « #p1 » à « #p2 »$/, why: 'a link to a paragraph the text does not have is refused' },
  { name: 'dead-site-link', file: doc('2024-05-21-lien-mort-vers-le-site'), field: { line: '/personnes/inexistant/' }, message: /^lien vers « \/personnes\/inexistant\/ », une adresse que le site ne produit pas/, why: 'a link to an address of the site that the build does not produce is refused' },
  { name: 'too-deep-quotes', file: doc('2024-05-21-citations-imbriquees'), field: { line: '>>>>' }, message: /^imbrication trop profonde, plus de 16 niveaux de citations/, why: 'quotes nested past the limit are refused before the text is parsed' },
  { name: 'too-deep-emphasis', file: doc('2024-05-21-mises-en-valeur-imbriquees'), field: { line: '*a _' }, message: /^imbrication trop profonde, plus de 16 niveaux de mises en valeur/, why: 'emphasis nested past the limit is refused before the text is parsed' },
  { name: 'image', file: doc('2024-05-21-image'), field: { line: '![photo]' }, message: /image interdite/, why: 'an image, which another host would serve, is refused' },
  // What a copied page or an unfilled template leaves behind.
  { name: 'furniture-breadcrumb', file: doc('2024-05-21-fil-d-ariane'), field: { line: 'Page d’accueil >' }, message: /fil d’Ariane de la page \(« Page d’accueil > Actualités > Activités du ministre »\) : .*supprimez la ligne/, why: 'a breadcrumb pasted above the text is refused' },
  { name: 'furniture-actions', file: doc('2024-05-21-liens-d-action'), field: { line: '[ Imprimer ]' }, message: /liens d’action de la page \(« \[ Envoyer ce lien à un ami \] \[ Imprimer \] »\)/, why: 'the page’s « [ Envoyer ce lien à un ami ] [ Imprimer ] » pasted under the text is refused' },
  { name: 'furniture-date-time', file: doc('2024-05-21-date-de-mise-en-ligne'), field: { line: '18:30' }, message: /date et heure de mise en ligne \(« 2024-05-21 18:30 »\)/, why: 'the date and time of posting pasted above the text are refused' },
  { name: 'furniture-share', file: doc('2024-05-21-ligne-de-partage'), field: { line: 'Partager' }, message: /ligne de partage/, why: 'a share line, even inside the last paragraph, is refused' },
  { name: 'furniture-modified', file: doc('2024-05-21-date-de-modification'), field: { line: 'Dernière modification' }, message: /date de dernière modification de la page \(« Dernière modification : 22\/05\/2024 »\)/, why: 'the page’s date of last modification pasted under the text is refused' },
  { name: 'furniture-source', file: doc('2024-05-21-ligne-de-source'), field: { line: 'Source :' }, message: /ligne de source de la page \(« Source : ministère fictif des Affaires étrangères »\)/, why: 'the page’s source line pasted under the text is refused' },
  { name: 'furniture-office', file: doc('2024-05-21-service-emetteur'), field: { line: 'Bureau du porte-parole' }, message: /service émetteur de la page \(« Bureau du porte-parole »\)/, why: 'the office the page comes from, pasted above the text, is refused' },
  { name: 'title-repeated', file: doc('2024-05-21-titre-repete'), field: 'texte, ligne 13', message: /titre est répété en tête du texte/, why: 'the page’s headline pasted above the text is refused' },
  { name: 'scaffold-placeholder', file: doc('2024-05-21-modele-non-rempli'), field: { line: 'Collez ici' }, message: /texte d’exemple de « npm run new ».*remplacez-le/, why: 'the scaffold’s placeholder left in place of the text is refused' },
  { name: 'import-marker', file: doc('2024-05-21-valeur-a-completer'), field: 'participants[0].role', message: /valeur laissée à compléter par « npm run import » \(le rôle que le texte donne à Wang Yi\)/, why: 'a value the importer marked « À COMPLÉTER » is refused once, naming the field' },
  // Redirects.
  { name: 'redirect-to-missing-page', file: 'redirects.yaml', field: '[0].to', message: /n’existe pas/, why: 'a redirect to a document that does not exist is refused' },
  { name: 'redirect-hides-page', file: 'redirects.yaml', field: '[0].from', message: /« comptes-rendus\/2024-05-20-wang-yi-sergei-aleinik\/ » est une adresse que l’archive publie/, why: 'a redirect from the address of an existing document is refused' },
  { name: 'redirect-hides-tree', file: 'redirects.yaml', field: '[0].from', message: /« api\/ » contient des adresses que l’archive publie \(« api\/comptes-rendus\.json »…\)/, why: 'a redirect that would take a whole tree of published addresses (the JSON API) is refused' },
  { name: 'redirect-generated-folder', file: 'redirects.yaml', field: '[0].from', message: /« pagefind\/ » est dans pagefind\/, un dossier que la construction remplit \(index de recherche\)/, why: 'a redirect of the folder the build fills with the search index is refused, saying so' },
  { name: 'redirect-capitals', file: 'redirects.yaml', field: '[0].from', message: /« Personnes\/Wang-Yi\/ » a des majuscules.*« personnes\/wang-yi\/ »/, why: 'a case variant of a live page, which a case-insensitive disk would write over it, is refused' },
  { name: 'redirect-without-slash', file: 'redirects.yaml', field: '[0].from', message: /« personnes\/wang-yi » n’a ni « \/ » final ni extension/, why: 'the slashless form of a live page is refused' },
  { name: 'redirect-page-file', file: 'redirects.yaml', field: '[0].from', message: /^« personnes\/wang-yi\/index\.html » est le fichier de la page « personnes\/wang-yi\/ »/, why: 'the index.html of a live page, which the server reaches for the page itself, is refused' },
  { name: 'redirect-under-file', file: 'redirects.yaml', field: '[0].from', message: /« comptes-rendus\/flux\.xml\/ » passe par « comptes-rendus\/flux\.xml », un fichier que l’archive publie/, why: 'a page below a published file, whose bare form is the file, is refused' },
  { name: 'redirect-chain', file: 'redirects.yaml', field: '[0].to', message: /chaîne de redirections.*2024-05-20-wang-yi-sergei-aleinik/, why: 'a chain of redirects is refused, naming the final address' },
  { name: 'redirect-loop', file: 'redirects.yaml', field: '[0].to', message: /boucle/, why: 'a redirect to itself is refused' },
  { name: 'redirect-cycle', file: 'redirects.yaml', field: '[0].to', message: /boucle/, why: 'two redirects that lead to each other are refused once' },
  { name: 'redirect-under-itself', file: 'redirects.yaml', field: '[0].to', message: /^boucle : « rubrique\/archives\/ » est sous « rubrique\/ », que cette entrée redirige/, why: 'a page redirected to an address below it, which would be redirected again without end, is refused' },
  { name: 'redirect-twice', file: 'redirects.yaml', field: '[1].from', message: /déjà redirigée par l’entrée \[0\]/, why: 'the same address redirected twice is refused' },
  { name: 'redirect-impossible-date', file: 'redirects.yaml', field: '[0].date', message: /date réelle/, why: 'a redirect with an impossible date is refused' },
  { name: 'redirect-absolute-path', file: 'redirects.yaml', field: '[0].from', message: /sans « \/ » initial/, why: 'a redirect written with a leading slash is refused' },
  // Bytes and files: every name under content/ is read as strict UTF-8, or refused.
  { name: 'bom', file: doc('2024-05-21-marque-bom'), field: 'ligne 1', message: /BOM.*sans BOM/, why: 'a byte order mark, which the build and the published source would not read alike, is refused' },
  { name: 'unreadable-document-cites-record', file: doc('2024-05-21-nourtleou-latin-1'), field: 'ligne 13', message: /octets invalides en UTF-8/, why: 'a document that cannot be read is reported once, and the record it alone cites is not called unused' },
  { name: 'latin-1', file: doc('2024-05-21-latin-1'), field: 'ligne 7', message: /octets invalides en UTF-8/, why: 'a file saved in Latin-1 is refused at its first line that is not UTF-8, instead of publishing U+FFFD' },
  { name: 'control-character-in-file', file: doc('2024-05-21-octet-nul'), field: 'ligne 2', message: /caractère interdit U\+0000/, why: 'a NUL byte in the frontmatter, which Astro’s parser stops on, is refused' },
  { name: 'crlf', file: doc('2024-05-21-fins-de-ligne-windows'), field: 'ligne 1', message: /^fins de ligne Windows \(CR LF\) : attendu des fins de ligne LF seules/, why: 'a file saved with CR LF, whose fixity a checkout could change, is refused as such' },
  { name: 'cr-only', file: doc('2024-05-21-fins-de-ligne-mac'), field: 'ligne 1', message: /^retour chariot \(CR, U\+000D\) sans saut de ligne/, why: 'a file saved with CR alone is told so, not that it lacks its « --- » lines' },
  { name: 'not-nfc', file: 'people/serguei-aleinik.yaml', field: 'ligne 1', message: /^« .+ » \(U\+0069 U\+0308\) n’est pas en forme composée NFC : attendu « ï » \(U\+00EF\) ; enregistrez le fichier en NFC \(voir docs\/validation\.md#unicode\)$/, why: 'a record saved in NFD, the twin of one in NFC, is refused with how to fix it' },
  { name: 'not-nfc-value', file: doc('2024-05-21-titre-decompose'), field: 'title', message: /^« .+ » \(U\+0069 U\+0308\) n’est pas en forme composée NFC : attendu « ï » \(U\+00EF\)$/, why: 'a value decomposed by escapes in an NFC file is refused' },
  { name: 'stray-folder', file: 'readout', field: '(fichier)', message: /dossier inconnu.*readouts\//, why: 'a mistyped folder is refused once, not skipped in silence' },
  { name: 'stray-root-file', file: 'notes.md', field: '(fichier)', message: /fichier inconnu.*urls\.txt/, why: 'a file at the top of content/ that the archive does not read is refused' },
  { name: 'symlink', file: doc('2024-05-21-lien'), field: '(fichier)', message: /lien symbolique refusé/, why: 'a symbolic link to a file outside the repository is refused, not published' },
  { name: 'dangling-symlink', file: doc('2024-05-21-lien-mort'), field: '(fichier)', message: /lien symbolique refusé/, why: 'a symbolic link that leads nowhere is refused, not a crash' },
  { name: 'alias-bomb', file: 'people/bombe.yaml', field: '(YAML)', message: /trop d’alias YAML/, why: 'a YAML alias bomb in a record is refused without a stack trace' },
  { name: 'redirects-alias-bomb', file: 'redirects.yaml', field: '(YAML)', message: /trop d’alias YAML/, why: 'a YAML alias bomb in the redirects is refused without a stack trace' },
  { name: 'yaml-too-deep', file: 'topics/imbrique.yaml', field: 'ligne 1', message: /imbriqués trop profondément/, why: 'YAML nested past what the parser can follow is refused in French, at its line, before it is parsed' },
  { name: 'place-id-capitals', file: 'places/Almaty.yaml', field: '(nom du fichier)', message: /minuscules ASCII/, why: 'a record with aliases whose file name is not an id is refused, once' },
  { name: 'id-too-long', file: doc(LONG_ID), field: '(nom du fichier)', message: /251 caractères : au plus 100/, why: 'an id too long for the file names the build writes is refused' },
  // Text fields: one line of visible text, in every collection.
  { name: 'newline-in-title', file: doc('2024-05-21-titre-sur-deux-lignes'), field: 'title', message: /retour à la ligne \(U\+000A\)/, why: 'a line break in a title, which would add lines to citation.ris, is refused' },
  { name: 'newline-in-source-url', file: doc('2024-05-21-adresse-sur-deux-lignes'), field: 'source.url', message: /retour à la ligne/, why: 'a line break in a source address is refused, though a URL parser would drop it' },
  { name: 'control-character-in-title', file: doc('2024-05-21-titre-avec-controle'), field: 'title', message: /caractère de contrôle U\+0007/, why: 'a control character written as a YAML escape, which feeds cannot carry, is refused' },
  { name: 'invisible-title', file: doc('2024-05-21-titre-invisible'), field: 'title', message: /texte invisible \(U\+200B…\)/, why: 'a title made of zero-width characters only is refused' },
  { name: 'bidi-override', file: doc('2024-05-21-titre-retourne'), field: 'title', message: /caractère de direction U\+202E/, why: 'a right-to-left override in a title is refused' },
  { name: 'topic-control-character', file: 'topics/controle.yaml', field: 'description', message: /caractère de contrôle U\+001B/, why: 'the text rules hold in records too' },
  { name: 'redirect-reason-two-lines', file: 'redirects.yaml', field: '[0].reason', message: /retour à la ligne/, why: 'the text rules hold in redirects too' },
  // Dates: from 1900 to a year ahead, read from the text as written.
  { name: 'date-before-1900', file: 'readouts/0024/0024-05-20-annee-sur-deux-chiffres.md', field: 'date', message: /entre le 1900-01-01 et le .*« 0024-05-20 »/, why: 'the year 0024, which YAML 1.1 would shift to 1924, is refused' },
  { name: 'date-year-999', file: 'readouts/0999/0999-05-20-annee-sur-trois-chiffres.md', field: 'date', message: /entre le 1900-01-01.*« 0999-05-20 »/, why: 'a year before 1000 is refused by the check, not by a crash of the build' },
  { name: 'date-far-ahead', file: 'readouts/2204/2204-05-20-annee-inversee.md', field: 'date', message: /un an après aujourd’hui.*« 2204-05-20 »/, why: 'a date more than a year ahead is refused' },
  // The manifest of published addresses.
  { name: 'manifest-missing', file: 'urls.txt', field: '(fichier)', message: /absente.*npm run urls:update/, why: 'an archive with documents and no urls.txt is refused, so that no published address is lost' },
  { name: 'manifest-emptied', file: 'urls.txt', field: '(fichier)', message: /vide.*npm run urls:update/, why: 'an archive with documents and an emptied urls.txt is refused' },
  { name: 'manifest-lost-document', file: 'urls.txt', field: 'ligne 4', message: /n’est plus produite.*redirects\.yaml/, why: 'a published document address that nothing serves any more is refused' },
  { name: 'manifest-absolute-url', file: 'urls.txt', field: 'ligne 2', message: /relative à la base/, why: 'a manifest line that is a full URL is refused' },
];

/** Fixtures only a real build can judge (the output is needed); `tests/build/bad-input.test.ts` builds them. */
const buildOnly = ['manifest-lost-page'];

function expectedField(c: Case): string {
  if (typeof c.field === 'string') return c.field;
  const lines = readFileSync(join(fixtures, 'invalid', c.name, c.file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes((c.field as { line: string }).line));
  expect(index, `the fixture holds « ${c.field.line} »`).toBeGreaterThanOrEqual(0);
  return `texte, ligne ${index + 1}`;
}


describe('content validation', () => {
  test('the unmodified content passes, so that every error below comes from its fixture', () => {
    const problems = checkContent(root, contentWith());
    expect(errorsOf(problems).map(formatProblem)).toEqual([]);
  });

  test('every fixture folder has its row, and every row its folder', () => {
    const folders = readdirSync(join(fixtures, 'invalid')).sort();
    expect(folders.length).toBeGreaterThan(60);
    expect(folders).toEqual([...cases.map((c) => c.name), ...buildOnly].sort());
  });

  test.each(cases)('$why ($name)', (c) => {
    const problems = checkContent(root, contentWith(`invalid/${c.name}`));
    const errors = errorsOf(problems);
    expect(errors.map(formatProblem), 'exactly one error for one problem').toHaveLength(1);
    const [error] = errors as [Problem];
    expect(formatProblem(error)).toContain(c.file);
    expect(error.field).toBe(expectedField(c));
    expect(error.message).toMatch(c.message);
  });

  test.each(generatedCases)('$why ($name, written at test time)', (c) => {
    const errors = errorsOf(checkContent(root, contentWithGenerated(c)));
    expect(errors.map(formatProblem), 'exactly one error for one problem').toHaveLength(1);
    const [error] = errors as [Problem];
    expect(formatProblem(error)).toContain(`content/${c.file}:`);
    expect(error.field).toBe(c.field);
    expect(error.message).toMatch(c.message);
  });

  test('a document that cannot be read does not make the records it cites « unused »', () => {
    const problems = checkContent(root, contentWith('invalid/unreadable-document-cites-record'));
    expect(problems.filter((p) => p.file.endsWith('people/murat-nurtleu.yaml')).map(formatProblem)).toEqual([]);
  });

  test.each(buildOnly)('%s passes this check and is left to the build', (name) => {
    expect(errorsOf(checkContent(root, contentWith(`invalid/${name}`)))).toEqual([]);
  });

  test.each([
    ['content-warning/alias-in-no-document', 'places/almaty.yaml', 'aliases[0]', /« Almaty » ne figure dans aucun document/],
    ['content-warning/manifest-repeated-line', 'urls.txt', 'ligne 4', /déjà listée ligne 3/],
    ['content-warning/country-name-as-cldr', 'countries.yaml', 'CN', /« Chine » est déjà le nom que donnent les données CLDR/],
    ['content-warning/dot-file', 'readouts/2024/.2024-05-22-brouillon.md', '(fichier)', /^ignoré : nom commençant par un point/],
    ['content-warning/editor-backup', 'readouts/2024/2024-05-20-wang-yi-sergei-aleinik.md~', '(fichier)', /^ignoré : copie de sauvegarde/],
    ['content-warning/meeting-same-publisher', 'readouts/2024/2024-05-21-compte-rendu-2.md', 'meeting', /même éditeur \(Ministère des Affaires étrangères\) et même langue \(fr\) que \S*content\/readouts\/2024\/2024-05-21-compte-rendu-1\.md : un doublon, ou une nouvelle version du texte/],
  ])('%s is a warning, not an error', (fixture, file, field, message) => {
    const problems = checkContent(root, contentWith(fixture));
    expect(errorsOf(problems)).toEqual([]);
    const warning = problems.find((p) => p.file.endsWith(`content/${file}`) && p.field === field);
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(message);
  });

  test('a record that no document uses is a warning, not an error', () => {
    const problems = checkContent(root, contentWith('content-warning/unused-record'));
    expect(errorsOf(problems)).toEqual([]);
    const about = problems.filter((p) => p.file.endsWith('people/murat-nurtleu.yaml'));
    expect(about.map((p) => [p.severity, p.field])).toEqual([['warning', '(fiche)']]);
  });
});

describe('the text of a document', () => {
  // prettier-ignore
  const accepted: [string, string][] = [
    ['plain text with « guillemets » and a < b', 'Le rapport est de 1 < 2 et de 3 > 2, « selon lui ».'],
    ['a web link', 'Voir [le communiqué](https://www.example.org/fr/communique.html).'],
    ['a plain http link', 'Voir [le communiqué](http://www.example.org/).'],
    ['an e-mail link', 'Écrire à [l’archive](mailto:archive@example.org).'],
    ['a link to a page of the site', 'Voir [Wang Yi](/personnes/wang-yi/).'],
    ['a link to a paragraph', 'Voir [le premier paragraphe](#p1).'],
    ['an autolink, which is not a tag', 'Source : <https://www.example.org/>.'],
    ['a bare web address', 'Source : https://www.example.org/.'],
    ['a tag inside code, shown as text', 'La balise `<script>` est citée telle quelle.'],
  ];
  test.each(accepted)('accepts %s', (_what, body) => {
    expect(checkBody('x.md', `${body}\n`)).toEqual([]);
  });

  // prettier-ignore
  const refused: [string, string][] = [
    ['an inline tag', 'Un <b>mot</b> en gras.'],
    ['an HTML comment', 'Texte.\n\n<!-- note -->'],
    ['an image', 'Voir ![la photo](https://www.example.org/p.jpg).'],
    ['an image by reference', 'Voir ![la photo][p].\n\n[p]: https://www.example.org/p.jpg'],
    ['a javascript: link', 'Voir [ceci](javascript:alert(1)).'],
    ['a link to another scheme, in angle brackets', 'Voir [ceci](<ftp://example.org/>).'],
    ['a reference link to another scheme', 'Voir [ceci][r].\n\n[r]: ftp://example.org/'],
    ['a shortcut reference with its definition on two lines', 'Voir [r].\n\n[r]:\n  ftp://example.org/'],
  ];
  test.each(refused)('refuses %s', (_what, body) => {
    expect(checkBody('x.md', `${body}\n`).map((p) => p.severity)).toEqual(['error']);
  });

  test('counts lines from the top of the file', () => {
    const [problem] = checkBody('x.md', 'Premier paragraphe.\n\nSecond <i>paragraphe</i>.\n', 12);
    expect(problem?.field).toBe('texte, ligne 14');
  });
});
