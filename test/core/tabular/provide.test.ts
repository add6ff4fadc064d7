import { describe, expect, it } from 'vitest';
import { checkDigitsPayload, DIGITS_REFUSED_PREFIX, MAX_DIGITS_FILE_BYTES, receiveDigitsFile } from '../../../core/tabular/provide';
import { tableFor } from '../../../core/tabular/table';
import { createSession } from '../../../core/session';
import { digitsConfig } from '../../../core/tabular/presets';
import { sliceBytes } from './slice';

function refusal(message: unknown): string {
  const outcome = receiveDigitsFile(message);
  if (outcome.kind !== 'refused') throw new Error(`expected a refusal, got ${outcome.kind}`);
  expect(outcome.event.type).toBe('error');
  expect(outcome.event.replyTo).toBeNull();
  return outcome.event.message;
}

describe('receiveDigitsFile', () => {
  const good = sliceBytes(3);

  it('leaves every other message to the runner', () => {
    expect(receiveDigitsFile({ type: 'play', id: 1 }).kind).toBe('other');
    expect(receiveDigitsFile(null).kind).toBe('other');
    expect(receiveDigitsFile('digits-file').kind).toBe('other');
  });

  it('refuses a bad file with a plain sentence and registers nothing', () => {
    const wrongMagic = good.slice();
    wrongMagic[0] = 0x58;
    expect(refusal({ type: 'digits-file', bytes: wrongMagic })).toBe(
      `${DIGITS_REFUSED_PREFIX}This is not a digits file: its first bytes are wrong.`,
    );
    expect(refusal({ type: 'digits-file', bytes: good.subarray(0, good.length - 5) })).toMatch(
      /cut short or too long: \d+ bytes for 30 images/,
    );
    const badLabel = good.slice();
    badLabel[8 + 4] = 11;
    expect(refusal({ type: 'digits-file', bytes: badLabel })).toBe(
      `${DIGITS_REFUSED_PREFIX}Image 4 has the label 11; digits go from 0 to 9.`,
    );
    expect(refusal({ type: 'digits-file' })).toBe(`${DIGITS_REFUSED_PREFIX}No file came with the message.`);
    expect(refusal({ type: 'digits-file', bytes: [68, 71, 84, 49] })).toMatch(/No file came/);
    expect(tableFor('digits')).toBeNull();
  });

  it('registers a valid file, given as a Uint8Array or an ArrayBuffer', () => {
    const outcome = receiveDigitsFile({ type: 'digits-file', bytes: good });
    expect(outcome).toEqual({ kind: 'registered', count: 30 });
    const table = tableFor('digits');
    expect(table).not.toBeNull();
    expect(table?.rows).toBe(30);
    expect(table?.columns).toBe(784);
    expect(Array.from(table?.labels.subarray(0, 12) ?? [])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);

    const bigger = sliceBytes(5);
    const copy = bigger.slice().buffer;
    expect(receiveDigitsFile({ type: 'digits-file', bytes: copy })).toEqual({ kind: 'registered', count: 50 });
    expect(tableFor('digits')?.rows).toBe(50);
  });

  it('a refused file keeps the table registered before it', () => {
    const before = tableFor('digits');
    expect(before).not.toBeNull();
    refusal({ type: 'digits-file', bytes: new Uint8Array(8) });
    expect(tableFor('digits')).toBe(before);
  });

  it('a session configured after a registered file trains on it', () => {
    receiveDigitsFile({ type: 'digits-file', bytes: sliceBytes(10) });
    const session = createSession();
    const config = { ...digitsConfig([{ size: 8, activation: 'relu' }]), data: { ...digitsConfig().data, size: 100 } };
    const events = session.handle({ type: 'configure', id: 1, config });
    expect(events.map((e) => e.type)).toEqual(['snapshot']);
  });
});

describe('checkDigitsPayload (the cheap check main runs before the worker)', () => {
  it('accepts a whole file and refuses the wrong type, an empty set, a bad header or a wrong length', () => {
    const good = sliceBytes(1);
    expect(checkDigitsPayload(good)).toBe(good);
    expect(checkDigitsPayload('DGT1')).toMatch(/No file/);
    expect(checkDigitsPayload(new Float32Array(4))).toMatch(/No file/);
    const empty = good.slice(0, 8);
    empty.set([0, 0, 0, 0], 4);
    expect(checkDigitsPayload(empty)).toMatch(/holds no images/);
    expect(checkDigitsPayload(new Uint8Array(3))).toMatch(/not a digits file/);
    expect(checkDigitsPayload(good.subarray(0, 100))).toMatch(/cut short or too long/);
  });

  it('refuses a file over the size limit before reading its header', () => {
    expect(checkDigitsPayload(new Uint8Array(MAX_DIGITS_FILE_BYTES + 1))).toMatch(/too large: 16777217 bytes/);
  });
});
