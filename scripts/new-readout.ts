/**
 * `npm run new -- <date> <slug>`: creates `content/readouts/<year>/<date>-<slug>.md` with every
 * field and a comment on each, ready to fill in. Refuses an impossible date or one outside the
 * archive's range, a slug that is not lowercase ASCII words joined by hyphens, an id too long,
 * and an id that a document already has.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { dateRange, isCalendarDate, yearOf } from '#content/dates.ts';
import { isId, MAX_ID_LENGTH } from '#content/ids.ts';
import { contentDirOf } from '#content/folder.ts';
import { SCAFFOLD_PLACEHOLDER } from '#content/furniture.ts';

const root = resolve(import.meta.dirname, '..');
const [date = '', slug = ''] = process.argv.slice(2);

function fail(message: string): never {
  console.error(`erreur : ${message}`);
  console.error(
    'usage : npm run new -- <AAAA-MM-JJ> <identifiant>   (par exemple : npm run new -- 2024-05-20 wang-yi-lavrov)',
  );
  process.exit(1);
}

if (!isCalendarDate(date)) fail(`« ${date} » n’est pas une date réelle au format AAAA-MM-JJ`);
const range = dateRange();
if (date < range.first || date > range.last) {
  fail(`« ${date} » : attendu une date entre le ${range.first} et le ${range.last} (un an après aujourd’hui)`);
}
if (!isId(slug)) fail(`« ${slug} » : attendu des mots en minuscules ASCII séparés par des tirets`);
if (/^\d{4}-\d{2}-\d{2}(?:-|$)/.test(slug)) fail(`« ${slug} » : la date est ajoutée d’elle-même, ne la répétez pas`);

const id = `${date}-${slug}`;
if (id.length > MAX_ID_LENGTH) fail(`l’identifiant « ${id} » a ${id.length} caractères : au plus ${MAX_ID_LENGTH}`);
const readouts = join(contentDirOf(root), 'readouts');
const taken = (readdirSync(readouts, { recursive: true }) as string[]).find(
  (f) => f.endsWith(`/${id}.md`) || f === `${id}.md`,
);
if (taken) fail(`l’identifiant « ${id} » existe déjà : ${relative(root, join(readouts, taken))}`);

const file = join(readouts, String(yearOf(date)), `${id}.md`);
const template = `---
# Titre factuel, en français, rédigé par l’archive (le document en a rarement un).
title: ""
# Jour de l’entretien, AAAA-MM-JJ : un jour, sans heure ni fuseau. Le nom du fichier commence par lui.
date: ${date}
# Forme de l’entretien : in-person (en personne), phone (au téléphone) ou video (par visioconférence).
format: in-person
# Identifiant du lieu : nom d’un fichier de content/places/, sans « .yaml ». En personne seulement :
# supprimez la ligne pour un entretien au téléphone ou par visioconférence (un appel n’a pas de lieu).
place: ""
# Occasion de la rencontre (sommet, conseil ministériel) ; supprimez la ligne s’il n’y en a pas.
event: ""
# Au moins un participant. person : identifiant dans content/people/ ; role : le rôle que le
# document lui donne ; designation (facultatif) : les mots du texte quand ce n’est pas un nom,
# recopiés exactement (ils doivent figurer dans le texte) ; supprimez-la sinon.
participants:
  - person: ""
    role: ""
    designation: ""
# Personnes citées qui n’ont pas participé (une personne n’apparaît qu’une fois par document) :
# un identifiant, ou { person, designation, note }. note : comment l’archive a identifié une
# personne que le texte ne nomme pas. Laissez [] s’il n’y en a pas.
mentions: []
# Au moins un thème : identifiants de content/topics/.
topics:
  - ""
# Langue du texte : fr.
language: fr
# Source de l’original : qui l’a publié, où, le jour où il l’a publié (AAAA-MM-JJ, tel que la
# source le montre ; jamais déduit du jour de l’entretien : supprimez la ligne si elle ne le dit
# pas) et le jour où l’archive l’a copié. Si la source n’est pas connue, supprimez ces cinq
# lignes : n’en inventez jamais une.
source:
  publisher: ""
  url: ""
  published: ""
  retrieved: ""
---

${SCAFFOLD_PLACEHOLDER}, mot pour mot, fautes comprises, une ligne vide entre deux paragraphes. Pas de HTML ; liens permis vers http(s)://, mailto: et les adresses du site (« /… »).
`;
mkdirSync(join(file, '..'), { recursive: true });
if (existsSync(file)) fail(`le fichier ${relative(root, file)} existe déjà`);
writeFileSync(file, template, { flag: 'wx' });
console.log(`Créé : ${relative(root, file)}`);
console.log('Remplissez chaque champ, puis vérifiez avec « npm run check:content ».');
console.log('Pour un texte copié d’une page web, « npm run import -- <fichier> » remplit presque tout.');
