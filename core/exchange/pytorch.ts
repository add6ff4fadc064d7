/**
 * "Export as PyTorch": one Python script that builds the Lab's network in PyTorch, loads its
 * exact weights (and the optimizer's moments), embeds the data, measures loss and accuracy
 * as the app does, and keeps training with the app's loss and optimizer. It computes in
 * 64-bit floats like the engine, so its numbers match the app's (test/core/exchange/pytorch-parity.test.ts).
 */
import type { ActivationName } from '../config';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, MOMENTUM } from '../engine/optimizer';
import { decisionThreshold, lowTarget } from '../engine/loss';
import { FEATURE_INFO } from '../engine/features';
import { ACTIVATIONS, OUTPUT_ACTIVATIONS } from '../engine/activations';
import { dataLabel, exportData, exportInputs, exportLayers, usedKnots, type ExportLayer, type ExportSource } from './network';
import { activationClasses, FEATURE_EXPRESSION, LOSS_TEXT, lossLines, OUTPUT_EXPRESSION, TORCH_ACTIVATION } from './pytorch-parts';
import { dataLines } from './pytorch-data';
import { real } from './text';
import { trainingScript } from './pytorch-train';

const OPTIMIZER_TEXT = { sgd: 'plain SGD', momentum: `SGD with momentum ${MOMENTUM}`, adam: 'Adam' } as const;

function matrix(rows: readonly (readonly number[])[], indent: string): string[] {
  return rows.map((row) => `${indent}[${row.map(real).join(', ')}],`);
}

function weightLines(layers: readonly ExportLayer[]): string[] {
  const out = [
    '# Weights and biases as the app showed them. Row j of a weight matrix holds the weights into',
    '# neuron j of that layer, one column per neuron (or input) of the layer below.',
    'WEIGHTS = [',
  ];
  layers.forEach((layer, l) => {
    const name = l === layers.length - 1 ? 'output layer' : `hidden layer ${l + 1}`;
    out.push(`    # ${name}: ${layer.fanIn} → ${layer.size}`, '    (', '        [', ...matrix(layer.weights, '            '), '        ],');
    out.push(`        [${layer.biases.map(real).join(', ')}],`, '    ),');
  });
  out.push(']');
  return out;
}

function momentLines(source: ExportSource): string[] {
  const moments = source.moments;
  const optimizer = source.config.training.optimizer;
  if (!moments || moments.arrays.length === 0 || optimizer === 'sgd')
    return ['# Plain SGD keeps no memory between steps.', 'MOMENTS = []', 'ADAM_STEP = 0'];
  const what = optimizer === 'momentum' ? "momentum's velocity" : "Adam's first and second moments";
  const list = (a: ArrayLike<number>) => {
    const values = Array.from(a, real);
    const lines: string[] = [];
    for (let i = 0; i < values.length; i += 12) lines.push(`        ${values.slice(i, i + 12).join(', ')},`);
    return ['    [', ...lines, '    ],'];
  };
  return [
    `# The optimizer's memory when exported (${what}), in the order of net.parameters().`,
    'MOMENTS = [',
    ...moments.arrays.flatMap(list),
    ']',
    `ADAM_STEP = ${optimizer === 'adam' ? moments.step : 0}`,
  ];
}

/** The whole script as text. */
export function pytorchScript(source: ExportSource): string {
  const { config } = source;
  const layers = exportLayers(config, source.params);
  const inputs = exportInputs(config);
  const data = exportData(config);
  const hidden = config.network.hidden;
  const output = config.network.outputActivation;
  const t = config.training;
  const used = new Set<ActivationName>(hidden.map((h) => h.activation));
  const outputs = layers[layers.length - 1].size;
  const inputText =
    inputs.kind === 'table'
      ? `${layers[0].fanIn} inputs (${inputs.kind === 'table' && layers[0].fanIn <= 8 ? inputs.columnLabels.join(', ') : 'the table’s columns'})`
      : `${inputs.features.length} input${inputs.features.length === 1 ? '' : 's'} (${inputs.features.map((f) => FEATURE_INFO[f].label).join(', ')})`;
  const shape = [
    inputText,
    ...hidden.map((h) => `${h.size} ${h.activation === 'drawn' ? 'Drawn' : ACTIVATIONS[h.activation].label}`),
    `${outputs} ${OUTPUT_ACTIVATIONS[output].label} output`,
  ];
  const regularization =
    t.regularization === 'none' || t.regularizationRate === 0
      ? 'none'
      : `${t.regularization.toUpperCase()} at ${real(t.regularizationRate)} on weights`;
  const header = [
    '#!/usr/bin/env python3',
    '"""',
    `A network exported from Activation Lab (epoch ${source.epoch}), rebuilt in PyTorch.`,
    '',
    `Network:  ${shape.join(' → ')}`,
    `Data:     ${dataLabel(config)}, ${data.train.length} training and ${data.test.length} test examples`,
    `Training: ${LOSS_TEXT[t.loss]}, ${OPTIMIZER_TEXT[t.optimizer]}, learning rate ${real(t.learningRate)}, batch size ${t.batchSize}, regularization ${regularization}`,
    '',
    'It loads the exact weights the app showed, measures loss and accuracy as the app does, and',
    'can keep training with the same loss and optimizer. Needs Python 3 and PyTorch.',
    '',
    `    python3 this_script.py               loss and accuracy, beside the app's`,
    '    python3 this_script.py --epochs 100  train 100 more epochs, then measure again',
    '    python3 this_script.py --steps 1 --json out.json',
    '                                         train one batch; write parameters and outputs',
    '"""',
    'import argparse',
    'import base64',
    'import json',
    '',
    'import torch',
    'from torch import nn',
    '',
    '# The app computes in 64-bit floats; so does this script, so the numbers match.',
    'torch.set_default_dtype(torch.float64)',
    '',
    '# Settings as in the app.',
    `LEARNING_RATE = ${real(t.learningRate)}`,
    `BATCH_SIZE = ${t.batchSize}`,
    `OPTIMIZER = "${t.optimizer}"  # sgd, momentum or adam`,
    `MOMENTUM = ${real(MOMENTUM)}`,
    `ADAM_BETAS = (${real(ADAM_BETA1)}, ${real(ADAM_BETA2)})`,
    `ADAM_EPSILON = ${real(ADAM_EPSILON)}`,
    `REGULARIZATION = "${t.regularization}"  # none, l1 or l2, on weights only (not biases)`,
    `REGULARIZATION_RATE = ${real(t.regularizationRate)}`,
    `PROBLEM = "${data.problem}"`,
    `OUTPUTS = ${outputs}`,
    `# Target for "not this class" (½·squared error with a tanh or linear output uses −1, else 0).`,
    `LOW_TARGET = ${real(lowTarget(t.loss, output))}`,
    `# One output: class 1 when the output is above this.`,
    `THRESHOLD = ${real(decisionThreshold(output))}`,
    `# What the app measured for these weights.`,
    `APP_METRICS = ${JSON.stringify(source.metrics ?? null)
      .replace(/null/g, 'None')
      .replace(/true/g, 'True')
      .replace(/false/g, 'False')}`,
    '',
    '',
  ];
  const network = [
    ...activationClasses(used, usedKnots(config)),
    'class Network(nn.Module):',
    `    """${shape.join(' → ')}"""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    '        self.body = nn.Sequential(',
    ...hidden.map((h, l) => `            nn.Linear(${layers[l].fanIn}, ${h.size}), ${TORCH_ACTIVATION[h.activation]},`),
    `            nn.Linear(${layers[layers.length - 1].fanIn}, ${outputs}),  # the output layer's weighted sums z`,
    '        )',
    '',
    '    def scores(self, x):',
    '        """The output layer\'s weighted sums z, before its activation."""',
    '        return self.body(x)',
    '',
    '    def forward(self, x):',
    '        z = self.body(x)',
    `        return ${OUTPUT_EXPRESSION[output]}`,
    '',
    '',
  ];
  const features =
    inputs.kind === 'table'
      ? []
      : [
          'def features(x1, x2):',
          '    """The inputs the network sees of points (x1, x2)."""',
          `    return torch.stack([${inputs.features.map((f) => FEATURE_EXPRESSION[f]).join(', ')}], dim=1)`,
          '',
          '',
        ];
  const loss = [
    'def loss_per_example(z, y, t):',
    '    """The loss of each example (summed over the outputs), from scores z, outputs y and targets t."""',
    ...lossLines(t.loss, output),
    '',
    '',
  ];
  return [
    ...header,
    ...network,
    ...weightLines(layers),
    '',
    ...momentLines(source),
    '',
    '',
    ...features,
    ...loss,
    ...trainingScript(),
    '',
    '# ---- The data ----------------------------------------------------------------------',
    '',
    ...dataLines(inputs, data),
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');
}
