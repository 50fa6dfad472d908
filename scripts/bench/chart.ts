/**
 * The benchmark's chart: build time (wall clock, cold and warm) against the number of
 * documents, with the targets as dashed lines. Plain SVG, readable without any script, with a
 * title and a description for screen readers.
 */

export interface Point {
  documents: number;
  cold: number;
  warm: number;
}

const W = 640;
const H = 360;
const M = { top: 48, right: 150, bottom: 48, left: 56 };
const COLD = '#1a4f8b';
const WARM = '#8a2c1c';
const MUTED = '#57534a';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A chart of the points given; `targets` are horizontal lines (seconds) with their labels. */
export function buildTimeChart(points: Point[], targets: { seconds: number; label: string }[], note: string): string {
  const maxX = Math.max(...points.map((p) => p.documents));
  const maxY = Math.max(...points.flatMap((p) => [p.cold, p.warm]), ...targets.map((t) => t.seconds)) * 1.1;
  const x = (v: number) => M.left + (v / maxX) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / maxY) * (H - M.top - M.bottom);
  // Six to ten grid lines, at round numbers of seconds.
  const step = [5, 10, 15, 30, 60, 120, 180, 300, 600].find((n) => n >= maxY / 10) ?? 1200;
  const yTicks = Array.from({ length: Math.floor(maxY / step) + 1 }, (_, i) => i * step);
  const line = (key: 'cold' | 'warm', colour: string) => {
    const sorted = [...points].sort((a, b) => a.documents - b.documents);
    const path = sorted.map((p, i) => `${i ? 'L' : 'M'}${x(p.documents).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
    const dots = sorted
      .map(
        (p) =>
          `<circle cx="${x(p.documents).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="4" fill="${colour}"/>` +
          // Cold above and to the left of its point, warm below and to the right: they never cross.
          (key === 'cold'
            ? `<text x="${(x(p.documents) - 8).toFixed(1)}" y="${(y(p[key]) - 8).toFixed(1)}" text-anchor="end"`
            : `<text x="${(x(p.documents) + 8).toFixed(1)}" y="${(y(p[key]) + 16).toFixed(1)}"`) +
          ` fill="${colour}">${p[key].toFixed(1)} s</text>`,
      )
      .join('');
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2.5"/>${dots}`;
  };
  const description = points
    .map((p) => `${p.documents} documents : ${p.cold.toFixed(1)} s à froid, ${p.warm.toFixed(1)} s avec cache`)
    .join(' ; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="12">
<title id="t">Durée de construction selon la taille de l’archive</title>
<desc id="d">${escape(description)}. ${escape(note)}</desc>
<rect width="${W}" height="${H}" fill="#fdfcf9"/>
<text x="${M.left}" y="20" font-size="15" font-weight="700" fill="#1c1b19">Durée de construction (secondes, horloge) selon le nombre de documents</text>
${yTicks
  .map(
    (v) =>
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d6d1c4"/>` +
      `<text x="${M.left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="${MUTED}">${v}</text>`,
  )
  .join('\n')}
${points
  .map(
    (p) =>
      `<text x="${x(p.documents).toFixed(1)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="${MUTED}">${p.documents.toLocaleString('fr-FR')}</text>`,
  )
  .join('\n')}
<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle" fill="${MUTED}">documents</text>
${targets
  .map(
    (t) =>
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t.seconds).toFixed(1)}" y2="${y(t.seconds).toFixed(1)}" stroke="${MUTED}" stroke-dasharray="6 4"/>` +
      `<text x="${W - M.right + 6}" y="${(y(t.seconds) + 4).toFixed(1)}" fill="${MUTED}">${escape(t.label)}</text>`,
  )
  .join('\n')}
${line('cold', COLD)}
${line('warm', WARM)}
<g transform="translate(${W - M.right + 6}, ${M.top + 8})">
<rect width="12" height="4" y="-6" fill="${COLD}"/><text x="18" fill="${COLD}">à froid</text>
<rect width="12" height="4" y="14" fill="${WARM}"/><text x="18" y="20" fill="${WARM}">avec cache</text>
</g>
<text x="${M.left}" y="40" fill="${MUTED}" font-size="11">${escape(note)}</text>
</svg>
`;
}
