/**
 * The layer-wise writer, for networks too large for one straight-line function: the batch
 * goes through one layer at a time, and each layer's forward and backward step is its own
 * small function (V8 optimises small functions well and may refuse one huge one). Inside a
 * layer's function the layer's weights and gradient sums sit in local variables for the whole
 * batch, and each example runs through the layer in straight-line code: its inputs are read
 * once, every multiply-add uses locals, and only the layer's outputs go back to memory.
 * Values between layers sit in example-major scratch arrays (neuron j of a layer, example r at
 * r·size + j). Plain SGD updates each layer's weights at the end of its backward step (after
 * its old weights have carried the error down), which is what one update after the whole
 * backward pass would do.
 *
 * The arithmetic and its order match the plain path exactly: z = b + w₀a₀ + w₁a₁ + …; gradient
 * sums add examples in order; the error signal sums over the neurons above in order.
 */
import { LIMITS } from '../config';
import { ACT } from './activations';
import { derivativeExpr, forwardExpr, outputDeltaExpr } from './codegen';
import type { LossCode } from './loss';
import type { Topology } from './shape';
import { fastTanhSource } from './tanh';
import { flowSource } from './gradient-flow';

/** Room for the largest batch. */
export const CAP = LIMITS.maxBatchSize;

function each(n: number, f: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

/** Whether a hidden activation's derivative reads its input z (else only the cached output). */
function needsInput(topo: Topology, l: number): boolean {
  return l < topo.depth && derivativeExpr(topo.codes[l - 1], 's', '@z', 'y', topo.drawn).includes('@z');
}

/** Source lines that read example r's inputs to layer l into a0, a1, … */
function readInputs(topo: Topology, l: number): string[] {
  const fanIn = topo.sizes[l - 1];
  if (l === 1) return [`      const x = (r0 + r) * ${fanIn};`, ...each(fanIn, (i) => `      const a${i} = X[x + ${i}];`)];
  return [`      const o = r * ${fanIn};`, ...each(fanIn, (i) => `      const a${i} = A${l - 1}[o + ${i}];`)];
}

/** Neurons [from, to) of a layer, handled by one pair of functions. */
interface Chunk {
  l: number;
  c: number;
  from: number;
  to: number;
}

/**
 * Weights a chunk's function keeps in locals. Wider layers are split into chunks of neurons
 * (measured: 8×8 in one function is fastest on the Playground's networks, while 16×16 in one
 * function runs at half the speed of four chunks, its locals no longer fitting V8's registers).
 */
export const CHUNK_WEIGHTS = 64;

/** Layer l's neurons in chunks of at most CHUNK_WEIGHTS weights. */
function chunks(topo: Topology, l: number): Chunk[] {
  const per = Math.max(1, Math.floor(CHUNK_WEIGHTS / Math.max(1, topo.sizes[l - 1])));
  const out: Chunk[] = [];
  for (let from = 0, c = 0; from < topo.sizes[l]; from += per, c++) out.push({ l, c, from, to: Math.min(topo.sizes[l], from + per) });
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** The weights of a chunk as locals w<j>_<i> and its biases as b<j>, read from P. */
function loadWeights(topo: Topology, { l, from, to }: Chunk, biases: boolean): string[] {
  const fanIn = topo.sizes[l - 1];
  const wo = topo.weightOffsets[l - 1];
  const lines: string[] = [];
  for (const j of range(from, to)) {
    const names = each(fanIn, (i) => `w${j}_${i} = P[${wo + j * fanIn + i}]`);
    if (biases) names.unshift(`b${j} = P[${topo.biasOffsets[l - 1] + j}]`);
    lines.push(`  const ${names.join(', ')};`);
  }
  return lines;
}

/**
 * Forward step of a chunk of layer l for the whole batch. The output layer writes dLoss/dz for
 * training (`loss` given) or, for measuring, its input and output at OZ[base + r], OY[base + r].
 */
function forwardChunk(topo: Topology, chunk: Chunk, loss: LossCode | null, inlineTanh: boolean): string[] {
  const l = chunk.l;
  const fanIn = topo.sizes[l - 1];
  const size = topo.sizes[l];
  const last = l === topo.depth;
  const code = topo.codes[l - 1];
  const args = last && loss === null ? 'P, X, r0, B, OZ, OY, base' : 'P, X, T, r0, B';
  const out = [
    `function forward${l}_${chunk.c}(${args}) {`,
    ...loadWeights(topo, chunk, true),
    '  for (let r = 0; r < B; r++) {',
    ...readInputs(topo, l),
  ];
  if (!last) out.push(`      const q = r * ${size};`);
  for (const j of range(chunk.from, chunk.to)) {
    out.push(`      const z${j} = ${[`b${j}`, ...each(fanIn, (i) => `w${j}_${i} * a${i}`)].join(' + ')};`);
    if (inlineTanh && code === ACT.tanh) out.push(...fastTanhSource(`z${j}`, `y${j}`, `t${j}`).map((line) => `      ${line}`));
    else out.push(`      const y${j} = ${forwardExpr(code, `z${j}`, topo.drawn)};`);
    if (last && loss === null) out.push(`      OZ[base + r] = z${j};`, `      OY[base + r] = y${j};`);
    else if (last) out.push(`      D${l}[r] = ${outputDeltaExpr(loss as LossCode, code, `y${j}`, 'T[r0 + r]')};`);
    else {
      out.push(`      A${l}[q + ${j}] = y${j};`);
      if (loss !== null && needsInput(topo, l)) out.push(`      Z${l}[q + ${j}] = z${j};`);
    }
  }
  out.push('  }', '}');
  return out;
}

/**
 * Backward step of a chunk of layer l for the whole batch: gradient sums in locals, the
 * chunk's share of the error signal of the layer below (Σⱼ wⱼᵢ·dⱼ, continued from the previous
 * chunk's partial sum, which waits in D<l−1>; the last chunk applies the activation's
 * derivative), then the update or the sums.
 */
function backwardChunk(topo: Topology, chunk: Chunk, lastChunk: boolean): string[] {
  const { l, from, to } = chunk;
  const fanIn = topo.sizes[l - 1];
  const size = topo.sizes[l];
  const wo = topo.weightOffsets[l - 1];
  const bo = topo.biasOffsets[l - 1];
  const neurons = range(from, to);
  const out = [`function backward${l}_${chunk.c}(P, G, X, r0, B, sgdRate, F) {`];
  if (l > 1) out.push(...loadWeights(topo, chunk, false));
  for (const j of neurons) out.push(`  let gb${j} = 0, ${each(fanIn, (i) => `g${j}_${i} = 0`).join(', ')};`);
  out.push('  for (let r = 0; r < B; r++) {', ...readInputs(topo, l), `      const q = r * ${size};`);
  for (const j of neurons) {
    out.push(`      const d${j} = D${l}[q + ${j}];`);
    out.push(...each(fanIn, (i) => `      g${j}_${i} += d${j} * a${i};`), `      gb${j} += d${j};`);
  }
  if (l > 1) {
    const below = topo.codes[l - 2];
    const zBelow = needsInput(topo, l - 1);
    for (let i = 0; i < fanIn; i++) {
      const terms = neurons.map((j) => `w${j}_${i} * d${j}`);
      if (from > 0) terms.unshift(`D${l - 1}[o + ${i}]`);
      out.push(`      const s${i} = ${terms.join(' + ')};`);
      if (lastChunk)
        out.push(
          `      D${l - 1}[o + ${i}] = ${derivativeExpr(below, `s${i}`, zBelow ? `Z${l - 1}[o + ${i}]` : 'NaN', `a${i}`, topo.drawn)};`,
        );
      else out.push(`      D${l - 1}[o + ${i}] = s${i};`);
    }
  }
  out.push('  }');
  // Gradient flow (gradient-flow.ts): this chunk's share of the layer's Σ|g| / B, when F is given.
  const names = neurons.flatMap((j) => each(fanIn, (i) => `g${j}_${i}`));
  out.push(`  if (F !== null) ${flowSource(l - 1, names, 'B')}`);
  // Plain SGD without regularization is done here, as applyUpdate would do it; otherwise the
  // sums go to G (all zeros at the start of a batch, so storing equals adding) for the optimizer.
  const k = (j: number, i: number): number => wo + j * fanIn + i;
  out.push('  if (sgdRate >= 0) {');
  for (const j of neurons) {
    out.push(...each(fanIn, (i) => `    P[${k(j, i)}] -= sgdRate * (g${j}_${i} / B);`), `    P[${bo + j}] -= sgdRate * (gb${j} / B);`);
  }
  out.push('  } else {');
  for (const j of neurons) out.push(...each(fanIn, (i) => `    G[${k(j, i)}] = g${j}_${i};`), `    G[${bo + j}] = gb${j};`);
  out.push('  }', '}');
  return out;
}

/** Scratch arrays: A<l> outputs of hidden layer l; Z<l> its inputs, where the derivative needs them; D<l> dLoss/dz of layer l. */
function buffers(topo: Topology, deltas: boolean): string[] {
  const lines: string[] = [];
  for (let l = 1; l <= topo.depth; l++) {
    const n = topo.sizes[l] * CAP;
    if (deltas) lines.push(`const D${l} = new Float64Array(${n});`);
    if (l < topo.depth) lines.push(`const A${l} = new Float64Array(${n});`);
    if (deltas && needsInput(topo, l)) lines.push(`const Z${l} = new Float64Array(${n});`);
  }
  return lines;
}

/**
 * Source of `forward(P, X, start, rows, OZ, OY)`: the network on rows [start, start + rows) of
 * X, leaving the single output's input z and output y of row start + k at OZ[k] and OY[k]
 * (for measuring loss and accuracy; the same arithmetic as the plain path's forward pass).
 */
export function forwardSource(topo: Topology, inlineTanh: boolean): string {
  const lines = buffers(topo, false);
  const calls: string[] = [];
  for (let l = 1; l <= topo.depth; l++) {
    for (const chunk of chunks(topo, l)) {
      lines.push(...forwardChunk(topo, chunk, null, inlineTanh));
      calls.push(
        l === topo.depth
          ? `    forward${l}_${chunk.c}(P, X, r0, B, OZ, OY, r0 - start);`
          : `    forward${l}_${chunk.c}(P, X, null, r0, B);`,
      );
    }
  }
  lines.push(
    'return function forward(P, X, start, rows, OZ, OY) {',
    '  const end = start + rows;',
    `  for (let r0 = start; r0 < end; r0 += ${CAP}) {`,
    `    const B = r0 + ${CAP} < end ? ${CAP} : end - r0;`,
    ...calls,
    '  }',
    '};',
  );
  return lines.join('\n');
}

export function layerSource(topo: Topology, loss: LossCode, inlineTanh: boolean): string {
  const { depth } = topo;
  const lines = buffers(topo, true);
  const calls: string[] = [];
  for (let l = 1; l <= depth; l++) {
    for (const chunk of chunks(topo, l)) {
      lines.push(...forwardChunk(topo, chunk, loss, inlineTanh));
      calls.push(`    forward${l}_${chunk.c}(P, X, T, r0, B);`);
    }
  }
  for (let l = depth; l >= 1; l--) {
    const layer = chunks(topo, l);
    for (const chunk of layer) {
      lines.push(...backwardChunk(topo, chunk, chunk === layer[layer.length - 1]));
      calls.push(`    backward${l}_${chunk.c}(P, G, X, r0, B, sgdRate, F);`);
    }
  }
  lines.push(
    'return function epoch(P, G, X, T, start, end, batch, update, sgdRate, F) {',
    '  let r0 = start;',
    '  while (r0 < end) {',
    '    const B = r0 + batch < end ? batch : end - r0;',
    ...calls,
    `    if (F !== null) F[${depth}] += 1;`,
    '    if (sgdRate < 0) update(B);',
    '    r0 += B;',
    '  }',
    '};',
  );
  return lines.join('\n');
}
