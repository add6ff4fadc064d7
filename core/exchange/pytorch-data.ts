/**
 * The data section of the PyTorch script: the points (or table rows) in the engine's training
 * order, with exact numbers. Digit images go in as base64 bytes (7.8 MB of pixels would be
 * four times that as a Python list).
 */
import type { DataPoint } from '../config';
import type { ExportData, ExportInputs } from './network';
import { base64, real, wrap } from './text';

/** True when every value of the table is a whole number from 0 to 255 (the digits' pixels). */
function byteValued(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(Number.isInteger(v) && v >= 0 && v <= 255)) return false;
  }
  return true;
}

function pointList(name: string, points: readonly DataPoint[]): string[] {
  return [`${name} = [`, ...points.map((p) => `    (${real(p.x1)}, ${real(p.x2)}, ${real(p.label)}),`), ']'];
}

function labelList(name: string, points: readonly DataPoint[]): string[] {
  const labels = points.map((p) => String(p.label));
  const lines: string[] = [];
  for (let i = 0; i < labels.length; i += 40) lines.push(`    ${labels.slice(i, i + 40).join(', ')},`);
  return [`${name} = [`, ...lines, ']'];
}

/** Python lines defining TRAIN_* and TEST_* and the function `examples(split)` → (inputs, labels). */
export function dataLines(inputs: ExportInputs, data: ExportData): string[] {
  if (inputs.kind !== 'table') {
    return [
      '# Each point: x1, x2 and its label (class 0, 1, 2 or a value), training points in the',
      '# order the app trains on them, then the test points. Curve sets keep x in x1 (x2 = 0).',
      ...pointList('TRAIN_POINTS', data.train),
      '',
      ...pointList('TEST_POINTS', data.test),
      '',
      '',
      'def examples(split):',
      '    """Network inputs and labels of the training ("train") or test ("test") points."""',
      '    table = torch.tensor(TRAIN_POINTS if split == "train" else TEST_POINTS, dtype=torch.float64).reshape(-1, 3)',
      '    return features(table[:, 0], table[:, 1]), table[:, 2]',
    ];
  }
  const { table } = inputs;
  const rows = data.rows;
  if (rows === undefined) throw new Error('A table data set needs its rows.');
  const c = table.columns;
  if (byteValued(table.values)) {
    const bytesOf = (picked: Int32Array): Uint8Array => {
      const out = new Uint8Array(picked.length * c);
      picked.forEach((r, k) => {
        for (let j = 0; j < c; j++) out[k * c + j] = table.values[r * c + j];
      });
      return out;
    };
    const block = (name: string, picked: Int32Array) => [`${name} = """`, ...wrap(base64(bytesOf(picked)), 100), '"""'];
    return [
      `# Each example: ${c} values from 0 to 255 (base64, one byte each), scaled by SCALE, and its class.`,
      `SCALE = ${real(table.scale)}`,
      ...block('TRAIN_BYTES', rows.train),
      ...labelList('TRAIN_LABELS', data.train),
      ...block('TEST_BYTES', rows.test),
      ...labelList('TEST_LABELS', data.test),
      '',
      '',
      'def examples(split):',
      '    """Network inputs and labels of the training ("train") or test ("test") examples."""',
      '    raw = bytearray(base64.b64decode(TRAIN_BYTES if split == "train" else TEST_BYTES))',
      `    inputs = torch.frombuffer(raw, dtype=torch.uint8).to(torch.float64).reshape(-1, ${c}) * SCALE`,
      '    labels = torch.tensor(TRAIN_LABELS if split == "train" else TEST_LABELS, dtype=torch.float64)',
      '    return inputs, labels',
    ];
  }
  const rowList = (name: string, picked: Int32Array) => [
    `${name} = [`,
    ...Array.from(picked, (r) => {
      const values = Array.from({ length: c }, (_, j) => real(table.values[r * c + j] * table.scale));
      return `    (${values.join(', ')}, ${table.labels[r]}),`;
    }),
    ']',
  ];
  return [
    `# Each example: ${inputs.columnLabels.join(', ')} (as the app scales them), then its class.`,
    ...rowList('TRAIN_ROWS', rows.train),
    '',
    ...rowList('TEST_ROWS', rows.test),
    '',
    '',
    'def examples(split):',
    '    """Network inputs and labels of the training ("train") or test ("test") examples."""',
    `    table = torch.tensor(TRAIN_ROWS if split == "train" else TEST_ROWS, dtype=torch.float64).reshape(-1, ${c + 1})`,
    `    return table[:, :${c}], table[:, ${c}]`,
  ];
}
