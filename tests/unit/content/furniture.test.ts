/** Page furniture is told from text by whole lines: every kind is found, and no sentence is taken for it. */
import { describe, expect, test } from 'vitest';
import { furnitureOf } from '#content/furniture.ts';

describe('page furniture', () => {
  // prettier-ignore
  test.each([
    ['Page d’accueil > Actualités > Activités du ministre', 'breadcrumb'],
    ["Page d'accueil > Actualités", 'breadcrumb'],
    ['Accueil › Salle de presse', 'breadcrumb'],
    ['Vous êtes ici : Ambassade / Communiqués', 'breadcrumb'],
    ['Ministère > Salle de presse > Comptes rendus', 'breadcrumb'],
    ['2024-05-20 21:14', 'date-time'],
    ['  2024-05-20 21:14:05 ', 'date-time'],
    ['2024/05/20', 'date-time'],
    ['20/05/2024 21h14', 'date-time'],
    ['Publié le 2024-05-20 à 21:14', 'date-time'],
    ['Mis à jour : 21.05.2024', 'modified'],
    ['[ Envoyer ce lien à un ami ] [ Imprimer ]', 'actions'],
    ['[ Imprimer ]', 'actions'],
    ['[Fermer la fenêtre]', 'actions'],
    ['【大 中 小】', 'actions'],
    ['Partager :', 'share'],
    ['Partager sur Facebook', 'share'],
    ['Partagez cet article', 'share'],
    ['Partager : Facebook | Twitter | WeChat', 'share'],
    ['Facebook Twitter LinkedIn', 'share'],
    ['Share', 'share'],
  ])('« %s » is furniture (%s)', (line, kind) => {
    expect(furnitureOf(line)).toBe(kind);
  });

  // prettier-ignore
  test.each([
    ['Le 20 mai 2024, heure locale, Wang Yi a rencontré Sergueï Aleïnik à Astana.'],
    ['Partager les fruits du développement est un objectif commun, a-t-il déclaré.'],
    ['Accueil chaleureux de la délégation à l’aéroport.'],
    ['Le communiqué du 2024-05-20 a été repris.'],
    ['[…]'],
    ['[1] Voir le texte de la déclaration commune.'],
    ['X'],
    ['Les deux parties ont parlé de la croissance > 5 % et des échanges.'],
    [''],
  ])('« %s » is text', (line) => {
    expect(furnitureOf(line)).toBeUndefined();
  });
});
