/**
 * A picture of a view as PNG bytes: every canvas inside the element, at its place on the
 * screen, over the panel's colour, plus the text of elements marked `data-export-label`
 * (a diagram's input names). Drawn at twice the size shown, so it stays sharp.
 */

const SCALE = 2;

export async function elementPng(root: HTMLElement, background: string): Promise<Uint8Array> {
  const box = root.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture.');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  for (const source of root.querySelectorAll('canvas')) {
    const r = source.getBoundingClientRect();
    if (source.width > 0 && source.height > 0) ctx.drawImage(source, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  for (const label of root.querySelectorAll<HTMLElement>('[data-export-label]')) {
    const r = label.getBoundingClientRect();
    const style = getComputedStyle(label);
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    ctx.fillStyle = style.color;
    ctx.textBaseline = 'middle';
    ctx.fillText(label.textContent?.trim() ?? '', r.left - box.left, r.top - box.top + r.height / 2);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The picture could not be made.');
  return new Uint8Array(await blob.arrayBuffer());
}
