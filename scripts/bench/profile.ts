/**
 * A V8 CPU profile (`node --cpu-prof`) summarised by where the time went: self time per
 * package (or per file of the project), largest first.
 */
import { readFileSync } from 'node:fs';

interface Profile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: `micromark`, `@astrojs/markdown-remark`, `src/archive/related.ts`, `(garbage collector)`. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(natif)';
  // The site's own code, bundled by Astro for prerendering: named after its chunk.
  const chunk = /\/\.prerender\/(?:chunks\/)?([^/]+?)(?:_[\w-]{8})?\.mjs$/.exec(url);
  if (chunk) return `(site) ${chunk[1]}`;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1]!;
  if (url.startsWith('node:')) return 'node';
  const project = /\/(src\/.+|scripts\/.+|astro\.config\.mjs)$/.exec(url);
  return project ? project[1]! : url.replace(/^file:\/\//, '');
}

export function summariseProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const key = owner(node.callFrame.url, node.callFrame.functionName);
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1e6).toFixed(1).padStart(6)} s  ${key}`,
    );
  return [`# profil CPU (${(total / 1e6).toFixed(1)} s échantillonnées) : temps propre par paquet`, ...lines].join(
    '\n',
  );
}
