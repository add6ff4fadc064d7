/**
 * The one way data points are drawn on a plane, in the Lab and in the lessons alike:
 * training points are filled dots with a rim in the panel colour, test points are hollow
 * rings (the panel colour inside, a thick ring in the point's colour). Shape, not only
 * shade, tells the two apart, and PointLegend.svelte says so beside every plot that draws them.
 */

/** Which of the two sets a point belongs to. */
export type PointSet = 'train' | 'test';

/**
 * Draws one data point at pixel (x, y): `colour` is its class (or value) colour, `panel` the
 * background colour of the theme. `edge`, on a tinted plane, is the colour of the point's
 * outline (the training dot's rim, a thin line round the test ring) where the class colour
 * alone does not stand out from the tint; the rim is the panel's without it.
 */
export function drawDataPoint(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  set: PointSet,
  colour: string,
  panel: string,
  radius = 3.5,
  edge?: string,
): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  if (set === 'train') {
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = edge ?? panel;
    ctx.stroke();
    return;
  }
  ctx.fillStyle = panel;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = colour;
  ctx.stroke();
  if (edge === undefined) return;
  ctx.beginPath();
  ctx.arc(x, y, radius + 1.5, 0, 2 * Math.PI);
  ctx.lineWidth = 1;
  ctx.strokeStyle = edge;
  ctx.stroke();
}
