/**
 * French readouts: « Le 20 mai 2024, Wang Yi, ministre des Affaires étrangères, s’est entretenu
 * au téléphone avec le ministre des Affaires étrangères du Bélarus, Sergueï Aleïnik ».
 */
import { monthAlternation, wordSet, type LanguagePatterns } from './patterns.ts';

const months = [
  ['janvier', 'janv.'],
  ['février', 'fevrier', 'févr.', 'fevr.'],
  ['mars'],
  ['avril', 'avr.'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil.'],
  ['août', 'aout'],
  ['septembre', 'sept.'],
  ['octobre', 'oct.'],
  ['novembre', 'nov.'],
  ['décembre', 'decembre', 'déc.', 'dec.'],
];
const WEEKDAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const MONTH = monthAlternation(months);
const L = String.raw`\p{L}`;

export const fr: LanguagePatterns = {
  tag: 'fr',
  months,
  dates: [
    {
      // « Le 20 mai 2024 », « le lundi 1er juillet 2024 », « les 11 et 12 mars 2025 », « du 11 au 13 mars 2025 ».
      pattern: new RegExp(
        `(?<![${L}\\p{N}])(?:(?:les?|du)\\s+)?(?:(?:${WEEKDAYS})\\s+)?(?<day>1er|1ᵉʳ|\\d{1,2})(?:\\s*(?:et|au|-|–)\\s*(?<dayEnd>\\d{1,2}))?\\s+(?<month>${MONTH})(?![${L}])\\s*(?<year>\\d{4})(?!\\p{N})`,
        'iu',
      ),
    },
  ],
  relativeDays: [
    { pattern: new RegExp(`(?<![${L}])(?:aujourd[’']hui|ce matin|cet après-midi|ce soir)(?![${L}])`, 'iu'), offset: 0 },
    { pattern: new RegExp(`(?<![${L}-])avant-hier(?![${L}])`, 'iu'), offset: -2 },
    { pattern: new RegExp(`(?<![${L}-])hier(?![${L}])`, 'iu'), offset: -1 },
  ],
  formats: [
    {
      pattern: new RegExp(
        `(?<![${L}])(?:(?:au|par)\\s+téléphone|téléphoniques?|conversation\\s+téléphonique)(?![${L}])`,
        'iu',
      ),
      format: 'phone',
    },
    {
      pattern: new RegExp(
        `(?<![${L}])(?:(?:par|en)\\s+)?(?:visioconférence|visio-conférence|liaison\\s+vidéo|vidéoconférence)(?![${L}])|(?<![${L}])(?:par|en)\\s+vidéo(?![${L}])`,
        'iu',
      ),
      format: 'video',
    },
    {
      pattern: new RegExp(
        `(?<![${L}])(?:un|d[’']un|l[’']|cet)\\s*appel(?![${L}])|(?<![${L}])à\\s+distance(?![${L}])`,
        'iu',
      ),
      format: 'call',
    },
    {
      pattern: new RegExp(
        `(?<![${L}])(?:a|ont|avait|avaient)\\s+(?:rencontré|reçu)|(?<![${L}])(?:s[’']est|se sont)\\s+rendue?s?(?![${L}])|(?<![${L}])(?:a|ont)\\s+rendu\\s+visite|(?<![${L}])(?:a|ont)\\s+(?:tenu|eu)\\s+des\\s+(?:entretiens|pourparlers|consultations|négociations)|(?<![${L}])en\\s+personne(?![${L}])|(?<![${L}])rencontre(?![${L}])`,
        'iu',
      ),
      format: 'in-person',
    },
  ],
  placeBefore: /(?:^|[\s(])(?:à|au|aux|en)\s*$/iu,
  ofBefore: /(?:^|[\s(])(?:de|du|des|d[’'])\s*$/iu,
  placePrepositions: 'à|au|aux',
  spokespersonRole: /porte-parole/iu,
  roleHeads:
    '(?:membre|ministre|vice-ministre|vice-premier|vice-premi[èe]re|premier|premi[èe]re|vice-président|vice-présidente|président|présidente|secrétaire|sous-secrétaire|ambassadeur|ambassadrice|chef|cheffe|directeur|directrice|conseiller|conseillère|commissaire|porte-parole|haut|haute|envoyé|envoyée|représentant|représentante|roi|reine|prince|princesse|émir|chancelier|chancelière|gouverneur|gouverneure|maire|sénateur|sénatrice|député|députée|général|générale|administrateur|administratrice|délégué|déléguée|consul|consule|chargé|chargée|coordinateur|coordinatrice|assistant|assistante|adjoint|adjointe)',
  roleArticle: /^(?:l[ae]\s+|l[’']\s*)/iu,
  clauseBoundary: new RegExp(
    `(?<![${L}])(?:avec|et|entre|a|ont|par|pour|reçu|rencontré|auprès\\s+de|chez|que|dont)(?![${L}])|[;:()«»]`,
    'giu',
  ),
  designation: /(?:^|[\s,(])((?:son|sa|ses|leur|leurs)\s+[^,;.!?«»]{2,60}?)\s*,?\s*$/u,
  notNames: wordSet(
    // Sentence starts.
    'Le La Les L’ Lors Selon Ce Cette Ces Cet En Au Aux Du Des De D’ Dans Par Pour Avec Sur Sous Il Elle Ils Elles Son Sa Ses Leur Leurs On Un Une Et Mais Après Avant Depuis Durant Pendant Aujourd’hui Hier Puis Enfin Ainsi Dès À',
    // Titles and honorifics.
    'M Mme Mlle Mmes MM Monsieur Madame Mademoiselle Président Présidente Premier Première Ministre Ministres Excellence S.E Sir Docteur Dr Général Roi Reine Prince Princesse Cheikh Émir Chancelier Chancelière Secrétaire Ambassadeur Ambassadrice Vice Haut Haute Envoyé Envoyée Chef Cheffe Porte-parole Conseiller Conseillère Commissaire Directeur Directrice Sénateur Sénatrice Député Députée Maire Gouverneur Consul Délégué Déléguée Représentant Représentante Vice-Président Vice-Présidente Vice-Premier Vice-Ministre',
    // Offices, bodies, institutions.
    'Affaires Étrangères Comité Central Centrale Conseil Parti Bureau Politique Ministère Ministères Assemblée Nations Unies Unis République Républiques États Etats Union Organisation Sommet Forum Initiative Ceinture Route Banque Fonds Agence Commission Parlement Sénat Cour Tribunal Gouvernement Ambassade Coopération Sécurité Développement Communauté Conférence Réunion Dialogue Partenariat Populaire Populaires Nationale National Fédération Fédéral Royaume Uni Présidence Cabinet Service Services Département Direction Délégation',
    // Parts of place names.
    'Nord Sud Est Ouest Saint Sainte Nouvelle Nouveau Golfe Moyen Orient Proche Extrême Asie Afrique Europe Amérique Océanie Pacifique Atlantique Arabie Émirats Arabes Mer Océan Détroit Péninsule Île Îles',
    ...months.map((m) => m.join(' ')),
    WEEKDAYS.replaceAll('|', ' '),
  ),
  titles: wordSet(
    'M Mme Mlle Monsieur Madame Mademoiselle Président Présidente Ministre Secrétaire Ambassadeur Ambassadrice Excellence Docteur Dr Roi Reine Prince Princesse Cheikh Émir Chancelier Chancelière Envoyé Envoyée Commissaire Porte-parole Sir',
  ),
  spokesperson: [
    /^(?:déclaration|propos|communiqué|réponse)\s+(?:du|de la)\s+porte-parole(?:\s+du\s+[^,:]+?)?\s*,?\s+(?<name>[^,:]+?)\s*[:.]?$/iu,
    /^(?:le|la)\s+porte-parole\s+(?:du\s+[^,]+?,\s*)?(?<name>\p{Lu}[^,:]+?)\s*,?\s+a\s+déclaré\s*:?$/iu,
  ],
  todayWord: 'aujourd’hui',
};
