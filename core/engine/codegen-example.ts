import { ACT } from './activations';
import { derivativeExpr, forwardExpr, outputDeltaExpr } from './codegen';
import type { LossCode } from './loss';
import type { Topology } from './shape';
import { fastTanhSource } from './tanh';
import { flowSource } from './gradient-flow';

/**
 * The example-wise writer: an epoch that runs each example straight through the whole network
 * in straight-line code, with every parameter and gradient sum in a local variable for the
 * whole batch — no loops, no array traffic. Names: p<k> parameter k, g<k> its gradient sum,
 * a<l>_<j> / z<l>_<j> output and input of neuron j of layer l (layer 0 = features), d<l>_<j>
 * its dLoss/dz, s<l>_<j> the error arriving from the layer above. With `inlineTanh` the
 * engine's cheaper tanh is written out in place instead of called.
 */
export function exampleSource(topo: Topology, loss: LossCode, inlineTanh: boolean): string {
  const { sizes, depth, weightOffsets, biasOffsets, codes } = topo;
  const lines: string[] = [];
  const emit = (s: string): void => {
    lines.push(s);
  };
  const n = topo.paramCount;
  const all = (f: (k: number) => string): string => Array.from({ length: n }, (_, k) => f(k)).join(', ');
  const p = (k: number): string => `p${k}`;
  const g = (k: number): string => `g${k}`;
  emit('return function epoch(P, G, X, T, start, end, batch, update, sgdRate, F) {');
  emit('  let r = start;');
  emit('  while (r < end) {');
  emit('    const stop = r + batch < end ? r + batch : end;');
  emit('    const count = stop - r;');
  emit(`    const ${all((k) => `p${k} = P[${k}]`)};`);
  emit(`    let ${all((k) => `g${k} = 0`)};`);
  emit('    for (; r < stop; r++) {');
  emit(`      const x = r * ${sizes[0]};`);
  for (let i = 0; i < sizes[0]; i++) emit(`      const a0_${i} = X[x + ${i}];`);
  for (let l = 1; l <= depth; l++) {
    for (let j = 0; j < sizes[l]; j++) {
      const terms = [p(biasOffsets[l - 1] + j)];
      for (let i = 0; i < sizes[l - 1]; i++) terms.push(`${p(weightOffsets[l - 1] + j * sizes[l - 1] + i)} * a${l - 1}_${i}`);
      emit(`      const z${l}_${j} = ${terms.join(' + ')};`);
      if (inlineTanh && codes[l - 1] === ACT.tanh)
        for (const line of fastTanhSource(`z${l}_${j}`, `a${l}_${j}`, `t${l}_${j}`)) emit(`      ${line}`);
      else emit(`      const a${l}_${j} = ${forwardExpr(codes[l - 1], `z${l}_${j}`, topo.drawn)};`);
    }
  }
  emit(`      const d${depth}_0 = ${outputDeltaExpr(loss, codes[depth - 1], `a${depth}_0`, 'T[r]')};`);
  for (let l = depth; l >= 1; l--) {
    const fanIn = sizes[l - 1];
    for (let j = 0; j < sizes[l]; j++) {
      for (let i = 0; i < fanIn; i++) emit(`      ${g(weightOffsets[l - 1] + j * fanIn + i)} += d${l}_${j} * a${l - 1}_${i};`);
      emit(`      ${g(biasOffsets[l - 1] + j)} += d${l}_${j};`);
    }
    if (l === 1) break;
    for (let i = 0; i < fanIn; i++) {
      const terms: string[] = [];
      for (let j = 0; j < sizes[l]; j++) terms.push(`${p(weightOffsets[l - 1] + j * fanIn + i)} * d${l}_${j}`);
      emit(`      const s${l - 1}_${i} = ${terms.join(' + ')};`);
      emit(
        `      const d${l - 1}_${i} = ${derivativeExpr(codes[l - 2], `s${l - 1}_${i}`, `z${l - 1}_${i}`, `a${l - 1}_${i}`, topo.drawn)};`,
      );
    }
  }
  emit('    }');
  // Gradient flow (gradient-flow.ts): each layer's Σ|g| / count, when F is given.
  emit('    if (F !== null) {');
  for (let l = 0; l < depth; l++) {
    const names: string[] = [];
    for (let k = weightOffsets[l]; k < biasOffsets[l]; k++) names.push(g(k));
    emit(`      ${flowSource(l, names, 'count')}`);
  }
  emit(`      F[${depth}] += 1;`);
  emit('    }');
  // Plain SGD without regularization is done right here (as applyUpdate would do it); any
  // other optimizer gets the gradient sums and does its own update.
  emit('    if (sgdRate >= 0) {');
  for (let k = 0; k < n; k++) emit(`      P[${k}] = p${k} - sgdRate * (g${k} / count);`);
  emit('    } else {');
  for (let k = 0; k < n; k++) emit(`      G[${k}] = g${k};`);
  emit('      update(count);');
  emit('    }');
  emit('  }');
  emit('};');
  return lines.join('\n');
}
