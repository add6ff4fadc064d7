/**
 * A corrupted-file corpus: real project files (a 2-D network, a digits network with Adam, an
 * iris network, a version-1 file) and seeded mutations of them — truncation, byte flips,
 * deep nesting, huge numbers, wrong types, other encodings, junk fields, a negative second
 * moment. `judge` sorts what the real read path made of each: opened whole, refused clearly,
 * or one of the faults counted by test/bench/fuzz-files.ts and fuzz.test.ts.
 */
import { defaultConfig } from '../../../core/config';
import {
  UNEXPECTED_MESSAGE,
  createProject,
  momentCount,
  paramCount,
  parseProject,
  serializeProject,
  type Project,
} from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { sampleProject, seeded } from '../../core/project/sample';

export type MutationKind =
  'truncate' | 'flip' | 'nest' | 'huge-number' | 'wrong-type' | 'encoding' | 'junk-field' | 'negative-moment' | 'splice';

export interface CorpusFile {
  label: string;
  kind: MutationKind | 'original';
  bytes: Buffer;
  /** True when opening it must fail (a cut, another encoding, a negative moment…). */
  mustRefuse: boolean;
}

function trained(project: Project, seed: number): Project {
  const random = seeded(seed);
  const count = paramCount(project.config);
  const values = () => Array.from({ length: count }, () => (random() - 0.5) * 0.4);
  const moments = Array.from({ length: momentCount(project.config.training.optimizer) }, (_, m) =>
    m === 1 ? values().map(Math.abs) : values(),
  );
  return { ...project, state: { epoch: 12, params: values(), optimizer: moments, step: 240 } };
}

/** The real files the mutations start from. */
export function originals(): { label: string; text: string }[] {
  const digits = digitsConfig([{ size: 16, activation: 'relu' }]);
  digits.training.optimizer = 'adam';
  const iris = irisConfig();
  const spiral = sampleProject();
  const { state, view: _view, ...rest } = spiral;
  const versionOne = JSON.stringify({ format: 'activation-lab-project', version: 1, ...rest, ...state });
  return [
    { label: 'spiral (2-D, Adam)', text: serializeProject(spiral) },
    { label: 'circle (defaults, untrained)', text: serializeProject(createProject({ config: defaultConfig(), savedAt: new Date(0) })) },
    {
      label: 'digits 784→16→10 (Adam)',
      text: serializeProject(trained(createProject({ config: digits, name: 'digits', savedAt: new Date(0) }), 4)),
    },
    { label: 'iris (SGD)', text: serializeProject(trained(createProject({ config: iris, name: 'iris', savedAt: new Date(0) }), 5)) },
    { label: 'version 1', text: versionOne },
  ];
}

const WRONG_VALUES = ['"x"', 'null', 'true', '[]', '{}', '-1', '1e400', '0.5', '"NaN"', '[[[]]]'];

/** One seeded mutation of `text`. */
export function mutate(text: string, kind: MutationKind, random: () => number): { bytes: Buffer; mustRefuse: boolean } {
  const at = (n: number) => Math.floor(random() * n);
  switch (kind) {
    case 'truncate': {
      const cut = 1 + at(text.trimEnd().length - 2);
      return { bytes: Buffer.from(text.slice(0, cut)), mustRefuse: true };
    }
    case 'flip': {
      const bytes = Buffer.from(text);
      for (let i = 0, n = 1 + at(4); i < n; i++) bytes[at(bytes.length)] ^= 1 << at(8);
      return { bytes, mustRefuse: false };
    }
    case 'nest': {
      const depth = [20, 1000, 100_000][at(3)];
      const i = text.indexOf('"history":');
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      return { bytes: Buffer.from(`${text.slice(0, i)}"deep":${nested},${text.slice(i)}`), mustRefuse: true };
    }
    case 'huge-number': {
      const numbers = [...text.matchAll(/-?\d+\.\d+(e-?\d+)?/g)];
      if (numbers.length === 0) return { bytes: Buffer.from(text), mustRefuse: false };
      const m = numbers[at(numbers.length)];
      const huge = ['1e999', '-1e999', '9'.repeat(400), '1e308', '123456789012345678901234567890'][at(5)];
      return {
        bytes: Buffer.from(text.slice(0, m.index) + huge + text.slice(m.index! + m[0].length)),
        mustRefuse: huge.includes('999') || huge.length > 300,
      };
    }
    case 'wrong-type': {
      const keys = [...text.matchAll(/"([A-Za-z]+)":/g)];
      const k = keys[at(keys.length)];
      const start = k.index! + k[0].length;
      const end = valueEnd(text, start);
      return { bytes: Buffer.from(text.slice(0, start) + WRONG_VALUES[at(WRONG_VALUES.length)] + text.slice(end)), mustRefuse: false };
    }
    case 'encoding': {
      const which = at(5);
      const utf16 = Buffer.from(text, 'utf16le');
      const bytes =
        which === 0
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])
          : which === 1
            ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16).swap16()])
            : which === 2
              ? utf16
              : which === 3
                ? utf32(text, false)
                : utf32(text, true);
      return { bytes, mustRefuse: true };
    }
    case 'junk-field': {
      const count = [10, 10_000, 3_000_000][at(3)];
      const junk = at(2) === 0 ? `[${'{},'.repeat(count)}{}]` : JSON.stringify('j'.repeat(count));
      return { bytes: Buffer.from(`{"junk":${junk},${text.trimStart().slice(1)}`), mustRefuse: count > 1000 };
    }
    case 'negative-moment': {
      const file = JSON.parse(text) as { version: number; state?: { optimizer: number[][] }; optimizer?: number[][] };
      const moments = file.version === 1 ? file.optimizer : file.state?.optimizer;
      if (!moments || moments.length < 2) return { bytes: Buffer.from(text), mustRefuse: false };
      moments[1][at(moments[1].length)] = -0.5;
      return { bytes: Buffer.from(JSON.stringify(file)), mustRefuse: true };
    }
    case 'splice': {
      const bytes = Buffer.from(text);
      const start = at(bytes.length);
      const noise = Buffer.from(Array.from({ length: 1 + at(64) }, () => at(256)));
      return { bytes: Buffer.concat([bytes.subarray(0, start), noise, bytes.subarray(start + at(64))]), mustRefuse: false };
    }
  }
}

function utf32(text: string, bigEndian: boolean): Buffer {
  const out = Buffer.alloc(4 + text.length * 4);
  if (bigEndian) out.writeUInt32BE(0xfeff, 0);
  else out.writeUInt32LE(0xfeff, 0);
  for (let i = 0; i < text.length; i++) {
    if (bigEndian) out.writeUInt32BE(text.charCodeAt(i), 4 + i * 4);
    else out.writeUInt32LE(text.charCodeAt(i), 4 + i * 4);
  }
  return out;
}

/** Where the JSON value starting at `start` ends (a string, a number or word, or a bracketed value). */
function valueEnd(text: string, start: number): number {
  const c = text[start];
  if (c === '"') {
    let i = start + 1;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    return i + 1;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !',}]'.includes(text[i])) i++;
  return i;
}

export const KINDS: MutationKind[] = [
  'truncate',
  'flip',
  'nest',
  'huge-number',
  'wrong-type',
  'encoding',
  'junk-field',
  'negative-moment',
  'splice',
];

/** `count` mutated files, the same ones for the same seed. */
export function corpus(count: number, seed = 13): CorpusFile[] {
  const random = seeded(seed);
  const bases = originals();
  const files: CorpusFile[] = bases.map((b) => ({ label: b.label, kind: 'original', bytes: Buffer.from(b.text), mustRefuse: false }));
  for (let i = 0; files.length < count; i++) {
    const base = bases[i % bases.length];
    const kind = KINDS[Math.floor(i / bases.length) % KINDS.length];
    const { bytes, mustRefuse } = mutate(base.text, kind, random);
    files.push({ label: `${base.label}, ${kind} #${i}`, kind, bytes, mustRefuse });
  }
  return files;
}

export type Verdict = 'opened' | 'refused' | 'crash' | 'half-load' | 'unclear';

/** Words of advice: every refusal says what to do next. */
const ADVICE = /\b(ask|choose|open|update|change|remove|save it|wait|try|use|check|free|close|undo)\b/i;

/**
 * What the read path's answer means for this file. A refusal must be a sentence with advice,
 * no raw control characters or half characters, not the "problem in Activation Lab itself"
 * message, and must not tell the learner to choose a file ending in .actlab (every corpus file
 * does). An accepted file must be whole: its text reads back to itself, and a file that had
 * to be refused (cut, re-encoded, a moment below zero…) must not open.
 */
export function judge(file: CorpusFile, answer: { ok: true; bytes: Uint8Array } | { ok: false; message: string }): Verdict {
  if (!answer.ok) {
    const m = answer.message;
    if (m === UNEXPECTED_MESSAGE || /stopped unexpectedly/.test(m)) return 'crash';
    const control = Array.from(m).some((c) => c.charCodeAt(0) < 32);
    if (m.length < 20 || m.length > 500 || control || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(m))
      return 'unclear';
    if (!ADVICE.test(m) || /Choose a file that ends in \.actlab/.test(m)) return 'unclear';
    return 'refused';
  }
  if (file.mustRefuse) return 'half-load';
  const text = new TextDecoder('utf-8', { fatal: true }).decode(answer.bytes);
  const again = parseProject(text);
  if (!again.ok || serializeProject(again.project) !== text) return 'half-load';
  const state = again.project.state;
  if (state && again.project.config.training.optimizer === 'adam' && state.optimizer[1].some((v) => v < 0)) return 'half-load';
  return 'opened';
}
