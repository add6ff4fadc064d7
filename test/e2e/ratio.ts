/**
 * Reads a gradient ratio as the Gradient flow table shows it ("×0.0043", "×3,400", "×3.4e-7",
 * or "0"), with the words for screen readers after it; NaN when the cell holds none.
 */
export function ratioIn(cell: string): number {
  const text = cell.trim();
  if (text === '0' || text.startsWith('0\n')) return 0;
  const factor = /^×([\d,.]+(?:e-\d+)?)/.exec(text);
  return factor ? Number(factor[1].replace(/,/g, '')) : Number.NaN;
}
