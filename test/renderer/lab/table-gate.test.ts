import { describe, expect, it } from 'vitest';
import { TableGate, type DigitsSupply, type TableHost } from '../../../renderer/lab/table/gate';

/** A download the test finishes (or fails) by hand, counting how often it was started. */
function manualSupply(): DigitsSupply & { starts: number; finish(): void; fail(message: string): void } {
  let resolve: (value: { bytes: Uint8Array }) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const supply = {
    starts: 0,
    load() {
      supply.starts++;
      return new Promise<{ bytes: Uint8Array }>((ok, no) => {
        resolve = ok;
        reject = no;
      });
    },
    finish: () => resolve({ bytes: new Uint8Array([1, 2, 3]) }),
    fail: (message: string) => reject(new Error(message)),
  };
  return supply;
}

/** Records everything in the order the engine would receive it. */
function recordingHost(log: string[]): TableHost {
  return { provideDigits: (bytes) => log.push(`digits ${bytes.length} bytes`) };
}

describe('TableGate', () => {
  it('applies 2-D and Iris changes at once, without loading anything', async () => {
    const supply = manualSupply();
    const log: string[] = [];
    const gate = new TableGate(recordingHost(log), supply);
    const circle = gate.run('circle', () => log.push('configure circle'));
    expect(log).toEqual(['configure circle']);
    void gate.run('iris', () => log.push('configure iris'));
    expect(log).toEqual(['configure circle', 'configure iris']);
    expect(await circle).toBe('applied');
    expect(supply.starts).toBe(0);
  });

  it('configures a digits network only after the images reached the engine', async () => {
    const supply = manualSupply();
    const log: string[] = [];
    const gate = new TableGate(recordingHost(log), supply);
    expect(gate.needsLoading('digits')).toBe(true);
    const restore = gate.run('digits', () => log.push('configure digits', 'load-state'));
    await Promise.resolve();
    expect(log).toEqual([]);
    supply.finish();
    expect(await restore).toBe('applied');
    expect(log).toEqual(['digits 3 bytes', 'configure digits', 'load-state']);
    expect(gate.needsLoading('digits')).toBe(false);
  });

  it('hands the images to the engine once, however many digits changes follow', async () => {
    const supply = manualSupply();
    const log: string[] = [];
    const gate = new TableGate(recordingHost(log), supply);
    const first = gate.run('digits', () => log.push('first'));
    supply.finish();
    await first;
    expect(await gate.run('digits', () => log.push('second'))).toBe('applied');
    expect(log).toEqual(['digits 3 bytes', 'first', 'second']);
    expect(supply.starts).toBe(1);
  });

  it('drops a digits change that is still waiting when a newer change comes first', async () => {
    const supply = manualSupply();
    const log: string[] = [];
    const gate = new TableGate(recordingHost(log), supply);
    const digits = gate.run('digits', () => log.push('configure digits'));
    void gate.run('spiral', () => log.push('configure spiral'));
    supply.finish();
    expect(await digits).toBe('superseded');
    // The engine still gets the images (for next time), but the newest choice stays.
    expect(log).toEqual(['configure spiral', 'digits 3 bytes']);
  });

  it('of two waiting digits changes, only the newer one is applied', async () => {
    const supply = manualSupply();
    const log: string[] = [];
    const gate = new TableGate(recordingHost(log), supply);
    const older = gate.run('digits', () => log.push('older'));
    const newer = gate.run('digits', () => log.push('newer'));
    supply.finish();
    expect(await older).toBe('superseded');
    expect(await newer).toBe('applied');
    expect(log).toEqual(['digits 3 bytes', 'newer']);
    expect(supply.starts).toBe(1);
  });

  it('reports a failed download, applies nothing, and loads again next time', async () => {
    const supply = manualSupply();
    const log: string[] = [];
    const gate = new TableGate(recordingHost(log), supply);
    const attempt = gate.run('digits', () => log.push('configure digits'));
    supply.fail('offline');
    await expect(attempt).rejects.toThrow('offline');
    expect(log).toEqual([]);
    expect(gate.needsLoading('digits')).toBe(true);
    const again = gate.run('digits', () => log.push('configure digits'));
    supply.finish();
    expect(await again).toBe('applied');
    expect(supply.starts).toBe(2);
    expect(log).toEqual(['digits 3 bytes', 'configure digits']);
  });
});
