/**
 * Files built to hurt: structures far beyond a project, junk fields, other encodings,
 * values echoed into messages, version-1 field names and a second moment below zero.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../core/config';
import {
  MAX_PROJECT_DEPTH,
  MAX_PROJECT_VALUES,
  MAX_UNKNOWN_FIELD_CHARS,
  OTHER_ENCODING_MESSAGE,
  createProject,
  momentCount,
  paramCount,
  parseProject,
  serializeProject,
  structureProblem,
} from '../../../core/project';
import { digitsConfig } from '../../../core/tabular/presets';
import { sampleProject, seeded } from './sample';

function messageFor(text: string, fileName?: string): string {
  const result = parseProject(text, { fileName });
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

const good = serializeProject(sampleProject());
/** The sample file with one more top-level field whose JSON text is `value`. */
const withField = (name: string, value: string) => `${good.trimEnd().slice(0, -1)},${JSON.stringify(name)}:${value}}`;

describe('structures far beyond a project', () => {
  it('refuses millions of tiny values before building them', () => {
    const count = MAX_PROJECT_VALUES + 10;
    const junk = `{"format":"activation-lab-project","version":2,"junk":[${'{},'.repeat(count)}{}]}`;
    expect(messageFor(junk)).toMatch(
      /^This file holds more than [\d,]+ values, more than the largest network a project can describe\. .*ask for the file again/,
    );
  });

  it('refuses tiny values hidden inside an otherwise valid project', () => {
    const text = withField('junk', `[${'0,'.repeat(MAX_PROJECT_VALUES)}0]`);
    expect(messageFor(text)).toMatch(/holds more than [\d,]+ values/);
  });

  it('refuses deep nesting', () => {
    const deep = `{"format":"activation-lab-project","version":2,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(messageFor(deep)).toMatch(new RegExp(`nests its values more than ${MAX_PROJECT_DEPTH} levels deep`));
    expect(structureProblem(`[${'['.repeat(MAX_PROJECT_DEPTH - 1)}${']'.repeat(MAX_PROJECT_DEPTH)}`)).toBeNull();
  });

  it('refuses an unknown top-level field above a small size, and drops a small one', () => {
    const big = withField('notes', JSON.stringify('x'.repeat(MAX_UNKNOWN_FIELD_CHARS + 10)));
    expect(messageFor(big)).toBe(
      'This file has a field "notes" that Activation Lab does not know, holding 4 KB of data. Remove that field (or ask for the file again) and open it once more.',
    );
    const first = `{"junk":${JSON.stringify('y'.repeat(2 * 1024 * 1024))},${good.slice(1)}`;
    expect(messageFor(first)).toMatch(/a field "junk" that Activation Lab does not know, holding 2 MB of data/);
    const small = parseProject(withField('notes', '"a short note"'));
    expect(small.ok && small.project).toEqual(sampleProject());
  });

  it('lets the largest network a project may describe through', () => {
    const hidden = Array.from({ length: LIMITS.maxHiddenLayers }, () => ({ size: LIMITS.maxTableNeurons, activation: 'relu' as const }));
    const config = digitsConfig(hidden);
    config.training.optimizer = 'adam';
    const random = seeded(3);
    const values = () => Array.from({ length: paramCount(config) }, () => (random() - 0.5) * 0.3);
    const lessons = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`lesson-${i}`, { stepsDone: Array.from({ length: 200 }, (_, s) => s), completed: true }]),
    );
    const history = Array.from({ length: 2000 }, (_, epoch) => ({
      epoch,
      trainLoss: 0.1,
      testLoss: 0.2,
      trainAccuracy: 0.9,
      testAccuracy: 0.8,
    }));
    const project = createProject({
      config,
      lessons,
      history,
      state: { epoch: 1, params: values(), optimizer: [values(), values().map(Math.abs)], step: 1 },
    });
    expect(momentCount('adam') * paramCount(config) + paramCount(config)).toBe(1_992_222);
    const text = serializeProject(project);
    expect(structureProblem(text)).toBeNull();
    expect(parseProject(text).ok).toBe(true);
  });
});

describe('clear words', () => {
  it('quotes the format value like every other echoed value', () => {
    const format = (value: string) => messageFor(JSON.stringify({ format: value, version: 2 }));
    expect(format('evil\n    at Object.<anonymous> (x.js:1:1)')).toMatch(/its format is "evil\\n {4}at Object/);
    expect(format('a\u0000b')).toContain('its format is "a\\u0000b"');
    const emoji = format(`${'a'.repeat(39)}😀😀`);
    expect(emoji).toContain(`its format is "${'a'.repeat(39)}😀…"`);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('names UTF-16 and UTF-32 files as another text encoding', () => {
    const decode = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    const utf32le = Buffer.alloc(good.length * 4);
    for (let i = 0; i < good.length; i++) utf32le.writeUInt32LE(good.charCodeAt(i), i * 4);
    const utf32be = Buffer.from(utf32le).swap32();
    for (const bytes of [utf16le, utf16be, utf32le, utf32be, Buffer.from(good, 'utf16le')]) {
      expect(messageFor(decode(bytes))).toBe(OTHER_ENCODING_MESSAGE);
    }
    expect(OTHER_ENCODING_MESSAGE).toMatch(/saved in another text encoding.*save it as UTF-8/);
    expect(messageFor('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toMatch(/binary data/);
  });

  it('does not tell the learner to choose a file ending in .actlab when it does', () => {
    const other = '{"name": "my-package", "version": "1.0.0"}';
    expect(messageFor(other, 'notes.json')).toMatch(/Choose a file that ends in \.actlab\.$/);
    const named = messageFor(other, 'spiral.actlab');
    expect(named).not.toMatch(/Choose a file that ends in/);
    expect(named).toMatch(/Its name ends in \.actlab, but it does not hold a project saved by Activation Lab/);
    expect(messageFor('', 'spiral.ACTLAB')).toMatch(/^This file is empty.*Its name ends in \.actlab/);
  });

  it("names a version-1 file's own fields", () => {
    const project = sampleProject();
    const { state, view: _view, ...rest } = project;
    const file: Record<string, unknown> = { format: 'activation-lab-project', version: 1, ...rest, ...state };
    file.params = (file.params as number[]).slice(1);
    expect(messageFor(JSON.stringify(file))).toMatch(/: "params" has 54 numbers/);
    file.params = state!.params;
    file.step = -1;
    expect(messageFor(JSON.stringify(file))).toMatch(/: "step" is -1/);
    expect(messageFor(JSON.stringify(file))).not.toMatch(/state/);
  });
});

describe('an Adam second moment below zero', () => {
  it('is refused with what to change', () => {
    const file = JSON.parse(good);
    file.state.optimizer[1][4] = -0.25;
    expect(messageFor(JSON.stringify(file))).toBe(
      'This project file is damaged and cannot be opened: "state.optimizer[1][4]" is -0.25, but Adam\'s second moment ' +
        '(a running average of squared gradients) is never below zero. Change it to 0 or more. ' +
        'Ask for the file again, or open another project.',
    );
    file.state.optimizer[1][4] = 0;
    file.state.optimizer[0][4] = -0.25; // the first moment may be negative
    expect(parseProject(JSON.stringify(file)).ok).toBe(true);
  });
});

describe('a challenge built to hurt', () => {
  const challenge = { note: '', goal: { metric: 'testLoss', target: 0.1 }, limits: { lockData: true, lockFeatures: true }, solved: null };

  it('refuses a huge list of activations by its length, before reading its entries', () => {
    const limits = { ...challenge.limits, activations: new Array(200_000).fill('relu') };
    expect(messageFor(withField('challenge', JSON.stringify({ ...challenge, limits })))).toMatch(
      /"challenge\.limits\.activations" has 200000 entries; the most allowed is 12\./,
    );
  });

  it('refuses a note of a megabyte, and a challenge nested past any real one', () => {
    expect(messageFor(withField('challenge', JSON.stringify({ ...challenge, note: 'n'.repeat(1_000_000) })))).toMatch(
      /"challenge\.note" is 1000000 characters long; the most is 500\./,
    );
    const deep = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`;
    expect(messageFor(withField('challenge', deep))).toMatch(new RegExp(`nests its values more than ${MAX_PROJECT_DEPTH} levels deep`));
  });

  it('does not let a "__proto__" key stand in for a field', () => {
    const text = withField(
      'challenge',
      `{"note":"","goal":{"metric":"testLoss","target":0.1},"limits":{"__proto__":{"lockData":true},"lockFeatures":true},"solved":null}`,
    );
    expect(messageFor(text)).toMatch(/"challenge\.limits\.lockData" is missing\./);
  });
});
