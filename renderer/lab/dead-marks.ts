/**
 * The network diagram's "dead" mark on a hidden neuron whose slope vanished for every training
 * example: its tile washed out, a danger-coloured frame and a cross (the legend is in
 * DeadNeurons.svelte). Drawn onto the diagram's canvas after the tiles.
 */
import { rgbText } from '../ui/color';
import type { Palette } from '../ui/palette';
import { THUMB } from './layout';

/**
 * Marks every dead neuron: `dead[l][j]` is 1 for neuron j of hidden layer l; `columnX[l + 1]`
 * and `neuronY[l][j]` place its tile (as in the diagram's layout).
 */
export function drawDeadMarks(
  ctx: CanvasRenderingContext2D,
  dead: readonly ArrayLike<number>[],
  columnX: readonly number[],
  neuronY: readonly (readonly number[])[],
  palette: Palette,
): void {
  ctx.save();
  for (let l = 0; l < dead.length; l++) {
    for (let j = 0; j < dead[l].length; j++) {
      if (dead[l][j] !== 1 || neuronY[l]?.[j] === undefined) continue;
      const x = columnX[l + 1];
      const y = neuronY[l][j];
      ctx.fillStyle = rgbText(palette.panel, 0.65);
      ctx.fillRect(x, y, THUMB, THUMB);
      ctx.strokeStyle = rgbText(palette.danger);
      ctx.lineWidth = 2;
      ctx.strokeRect(x + 1, y + 1, THUMB - 2, THUMB - 2);
      ctx.strokeStyle = rgbText(palette.fg);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(x + 9, y + 9);
      ctx.lineTo(x + THUMB - 9, y + THUMB - 9);
      ctx.moveTo(x + THUMB - 9, y + 9);
      ctx.lineTo(x + 9, y + THUMB - 9);
      ctx.stroke();
    }
  }
  ctx.restore();
}
