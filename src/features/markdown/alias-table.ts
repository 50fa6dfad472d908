/**
 * The archive's alias table: every `aliases` entry of the people, topic and place records,
 * with the page it links to. `src/data.ts` makes it once per build from the archive's records
 * and hands it to `rehype-link-aliases` through the readouts' renderer; the content check makes
 * it from the files it read. A document page's key
 * holds the names its text links (`src/archive/page-keys.ts`), so changing an alias renders
 * again the pages whose links change, and only those.
 * (`src/content/validate/aliases.ts` checks the same aliases over the whole archive.)
 */
import { declaredAliases, type Alias } from '#content/aliases.ts';
import type { ContentFile } from '#content/read.ts';
import { isRecordCollection } from '#content/schema.ts';
import { entryRoute, href } from '#archive/urls.ts';
import { isId } from '#content/ids.ts';

/**
 * One entry per alias of the records among `files`, linking to the record's page under `base`.
 * A record whose file name is not an id has no page to link to, and is left to the check to
 * report.
 */
export function aliasTable(files: readonly Pick<ContentFile, 'collection' | 'id' | 'data'>[], base: string): Alias[] {
  return files.flatMap((f) =>
    isRecordCollection(f.collection) && isId(f.id)
      ? declaredAliases(f.data).map((text) => ({
          text,
          href: href(entryRoute(f.collection, f.id), base),
          record: `${f.collection}/${f.id}`,
        }))
      : [],
  );
}
