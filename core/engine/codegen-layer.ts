/**
 * The layer-wise writer, for larger networks: the batch goes through one layer at a time.
 * Each neuron's handful of weights is loaded once into locals and a short loop runs over the
 * batch's examples; values between layers sit in neuron-major scratch arrays (neuron j of a
 * layer, example r at j·CAP + r). Every layer's forward and backward step is its own small
 * function, because V8 optimises small functions well and may refuse one huge function.
 * The arithmetic and its order match the plain path exactly: z = b + w₀a₀ + w₁a₁ + …;
 * gradient sums add examples in order; the error signal sums over the neurons above in order.
 */
import { LIMITS } from '../config';
import { ACT } from './activations';
import { derivativeExpr, forwardExpr, outputDeltaExpr } from './codegen';
import type { LossCode } from './loss';
import type { Topology } from './shape';
import { fastTanhSource } from './tanh';

/** Room for the largest batch. */
export const CAP = LIMITS.maxBatchSize;

function each(n: number, f: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

/** Source of the value feeding neuron i of layer l − 1 for example r (features come from X). */
function inputOf(l: number, i: number): string {
  return l === 1 ? `X[x + ${i}]` : `A${l - 1}[${i * CAP} + r]`;
}

function forwardLayer(topo: Topology, l: number, inlineTanh: boolean): string[] {
  const fanIn = topo.sizes[l - 1];
  const wo = topo.weightOffsets[l - 1];
  const out = [`function forward${l}(P, X, r0, B) {`];
  for (let j = 0; j < topo.sizes[l]; j++) {
    out.push(
      '  {',
      `    const b = P[${topo.biasOffsets[l - 1] + j}], ${each(fanIn, (i) => `w${i} = P[${wo + j * fanIn + i}]`).join(', ')};`,
      '    for (let r = 0; r < B; r++) {',
      ...(l === 1 ? [`      const x = (r0 + r) * ${topo.sizes[0]};`] : []),
      `      const z = ${['b', ...each(fanIn, (i) => `w${i} * ${inputOf(l, i)}`)].join(' + ')};`,
      `      Z${l}[${j * CAP} + r] = z;`,
      ...(inlineTanh && topo.codes[l - 1] === ACT.tanh
        ? [...fastTanhSource('z', 'y', 't').map((line) => `      ${line}`), `      A${l}[${j * CAP} + r] = y;`]
        : [`      A${l}[${j * CAP} + r] = ${forwardExpr(topo.codes[l - 1], 'z')};`]),
      '    }',
      '  }',
    );
  }
  out.push('}');
  return out;
}

function backwardLayer(topo: Topology, l: number): string[] {
  const fanIn = topo.sizes[l - 1];
  const size = topo.sizes[l];
  const wo = topo.weightOffsets[l - 1];
  const out = [`function backward${l}(P, G, X, r0, B) {`];
  for (let j = 0; j < size; j++) {
    out.push(
      '  {',
      `    let gb = 0, ${each(fanIn, (i) => `g${i} = 0`).join(', ')};`,
      '    for (let r = 0; r < B; r++) {',
      `      const d = D${l}[${j * CAP} + r];`,
      ...(l === 1 ? [`      const x = (r0 + r) * ${topo.sizes[0]};`] : []),
      ...each(fanIn, (i) => `      g${i} += d * ${inputOf(l, i)};`),
      '      gb += d;',
      '    }',
      // The gradient buffer is all zeros at the start of a batch, so storing the sums equals adding them.
      ...each(fanIn, (i) => `    G[${wo + j * fanIn + i}] = g${i};`),
      `    G[${topo.biasOffsets[l - 1] + j}] = gb;`,
      '  }',
    );
  }
  // The error signal of the layer below: Σⱼ wⱼᵢ·dⱼ, times the derivative of its activation.
  if (l > 1) {
    for (let i = 0; i < fanIn; i++) {
      out.push(
        '  {',
        `    const ${each(size, (j) => `w${j} = P[${wo + j * fanIn + i}]`).join(', ')};`,
        '    for (let r = 0; r < B; r++) {',
        `      const s = ${each(size, (j) => `w${j} * D${l}[${j * CAP} + r]`).join(' + ')};`,
        `      const z = Z${l - 1}[${i * CAP} + r], y = A${l - 1}[${i * CAP} + r];`,
        `      D${l - 1}[${i * CAP} + r] = ${derivativeExpr(topo.codes[l - 2], 's', 'z', 'y')};`,
        '    }',
        '  }',
      );
    }
  }
  out.push('}');
  return out;
}

export function layerSource(topo: Topology, loss: LossCode, inlineTanh: boolean): string {
  const { sizes, depth, codes } = topo;
  const lines: string[] = [];
  // Z<l>, A<l>: pre-activations and outputs of layer l; D<l>: dLoss/dz of layer l.
  for (let l = 1; l <= depth; l++) {
    const n = sizes[l] * CAP;
    lines.push(`const Z${l} = new Float64Array(${n}), A${l} = new Float64Array(${n}), D${l} = new Float64Array(${n});`);
  }
  for (let l = 1; l <= depth; l++) lines.push(...forwardLayer(topo, l, inlineTanh));
  lines.push(
    'function outputError(T, r0, B) {',
    '  for (let r = 0; r < B; r++) {',
    `    const y = A${depth}[r];`,
    `    D${depth}[r] = ${outputDeltaExpr(loss, codes[depth - 1], 'y', 'T[r0 + r]')};`,
    '  }',
    '}',
  );
  for (let l = depth; l >= 1; l--) lines.push(...backwardLayer(topo, l));
  lines.push(
    'return function epoch(P, G, X, T, start, end, batch, update, _sgdRate) {',
    '  let r0 = start;',
    '  while (r0 < end) {',
    '    const B = r0 + batch < end ? batch : end - r0;',
    ...each(depth, (l) => `    forward${l + 1}(P, X, r0, B);`),
    '    outputError(T, r0, B);',
    ...each(depth, (l) => `    backward${depth - l}(P, G, X, r0, B);`),
    '    r0 += B;',
    '    update(B);',
    '  }',
    '};',
  );
  return lines.join('\n');
}
