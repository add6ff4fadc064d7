import { describe, expect, it } from 'vitest';
import { ACT } from '../../../core/engine/activations';
import { backwardBatch, createWorkspace, forwardBatch, SPARSE_INPUTS } from '../../../core/engine/kernels';
import type { Topology } from '../../../core/engine/shape';
import { createRandom } from '../../../core/engine/rng';

/** A one-hidden-layer topology with `inputs` inputs, 5 ReLU neurons and 3 identity outputs. */
function topo(inputs: number): Topology {
  const sizes = [inputs, 5, 3];
  const w0 = 0;
  const b0 = inputs * 5;
  const w1 = b0 + 5;
  const b1 = w1 + 15;
  return {
    sizes,
    codes: [ACT.relu, ACT.identity],
    weightOffsets: [w0, w1],
    biasOffsets: [b0, b1],
    paramCount: b1 + 3,
    depth: 2,
    drawn: null,
  };
}

describe('first layer skipping zero inputs', () => {
  it('gives exactly the dense sums and gradients on mostly blank inputs', () => {
    const t = topo(SPARSE_INPUTS + 36);
    const n = t.sizes[0];
    const random = createRandom(7);
    const params = Float64Array.from({ length: t.paramCount }, () => random() - 0.5);
    const rows = 4;
    const x = Float64Array.from({ length: rows * n }, () => (random() < 0.8 ? 0 : random()));
    const ws = createWorkspace(t, rows);
    forwardBatch(t, params, x, 0, rows, ws, Math.tanh);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < 5; j++) {
        let z = params[t.biasOffsets[0] + j];
        for (let i = 0; i < n; i++) if (x[r * n + i] !== 0) z += params[j * n + i] * x[r * n + i];
        expect(ws.pre[0][r * 5 + j]).toBe(z);
      }
    }
    // Backward with an output error of 1 everywhere: weight gradients are Σ_r δ_j · x_i.
    ws.delta[1].fill(1);
    const grad = new Float64Array(t.paramCount);
    backwardBatch(t, params, x, 0, rows, ws, grad);
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < n; i++) {
        let g = 0;
        for (let r = 0; r < rows; r++) g += ws.delta[0][r * 5 + j] * x[r * n + i];
        expect(grad[j * n + i]).toBeCloseTo(g, 14);
      }
    }
    // Inputs that are zero in every row get no gradient at all.
    const blank = Array.from({ length: n }, (_, i) => i).filter((i) =>
      Array.from({ length: rows }, (_, r) => x[r * n + i]).every((v) => v === 0),
    );
    expect(blank.length).toBeGreaterThan(0);
    for (const i of blank) expect(grad[i]).toBe(0);
  });
});
