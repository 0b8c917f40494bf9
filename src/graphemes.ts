/**
 * Text as people see it: user-perceived characters (grapheme clusters), so a cut or a cleaning
 * never splits a joined emoji (👨‍👩‍👧), a flag, a skin tone or a letter with its accent.
 */

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** The grapheme clusters of `text` (code points where Intl.Segmenter is missing). */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) return [...text];
  const clusters: string[] = [];
  for (const { segment } of segmenter.segment(text)) clusters.push(segment);
  return clusters;
}

/** At most `max` graphemes of `text`, and whether any were cut. */
export function cutGraphemes(text: string, max: number): { text: string; cut: boolean } {
  // Short text cannot hold more graphemes than code units: no segmentation needed.
  if (text.length <= max) return { text, cut: false };
  const clusters = graphemes(text);
  return clusters.length <= max ? { text, cut: false } : { text: clusters.slice(0, max).join(''), cut: true };
}
