/** The seed document, which every build holds: the browser tests read and follow it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/build.ts';

export const seed = {
  id: '2024-05-20-wang-yi-sergei-aleinik',
  /** A participant, a topic and the place of the seed document, by id. */
  participant: 'sergei-aleinik',
  topic: 'ceinture-et-route',
  place: 'astana',
  /** The original text, one paragraph a line, as published. */
  paragraphs: readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== ''),
};
