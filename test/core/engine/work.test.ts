/**
 * Table networks are limited by the work of one pass over their examples (issue 13, item 5):
 * the number itself, by hand, and the refusal sentence.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../../core/engine/validate';
import { MAX_PASS_WORK, nonzeroShare, passWork } from '../../../core/engine/work';
import { digitsTable } from '../../../core/tabular/digits';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { registerTable, tableFor } from '../../../core/tabular/table';
import { digitSlice } from '../tabular/slice';

const relu = (sizes: number[]) => sizes.map((size) => ({ size, activation: 'relu' as const }));

describe('work of one pass over a table network', () => {
  registerTable(digitsTable(digitSlice(120))); // 1,200 images

  it('counts multiply-adds per example times examples, the first layer of 784 pixels scaled by the inked share', () => {
    const table = tableFor('digits')!;
    let inked = 0;
    for (let i = 0; i < table.rows * table.columns; i++) if (table.values[i] !== 0) inked += 1;
    const share = inked / (table.rows * table.columns);
    expect(nonzeroShare(table)).toBe(share);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
    const config = digitsConfig(relu([128, 32]));
    config.data.size = 600;
    expect(passWork({ ...config, data: { ...config.data, dataset: 'digits' } })).toBeCloseTo(
      600 * (784 * 128 * share + 128 * 32 + 32 * 10),
      3,
    );
    // Iris: 4 inputs (no skipping), 150 rows.
    const iris = irisConfig([{ size: 8, activation: 'tanh' }]);
    expect(passWork({ ...iris, data: { ...iris.data, dataset: 'iris' } })).toBe(150 * (4 * 8 + 8 * 3));
  });

  it('refuses a network over the limit with a sentence, and fewer examples make room', () => {
    const deep = digitsConfig(relu(Array.from({ length: 8 }, () => 256)));
    deep.data.size = 1200; // all of this slice
    const work = passWork({ ...deep, data: { ...deep.data, dataset: 'digits' } });
    expect(work).toBeGreaterThan(MAX_PASS_WORK);
    expect(checkConfig(deep)).toMatch(
      /^This network is too big to train here: one pass over its 1,200 examples needs about [\d.]+ (million|billion) multiplications, and the Lab allows 500 million so that training and every button stay responsive\. Use fewer or narrower hidden layers, or fewer examples\.$/,
    );
    deep.data.size = 80;
    expect(checkConfig(deep)).toBeNull();
    // Iris keeps every network its builder allows: eight layers of 256 on 150 flowers are 69 million.
    expect(checkConfig(irisConfig(relu(Array.from({ length: 8 }, () => 256))))).toBeNull();
  });
});
