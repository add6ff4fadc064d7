/**
 * Chart.js measures its canvas's box, which happy-dom does not lay out. Widget tests mock the
 * chart module with this: the real module's helpers, and a Chart that keeps the data and options
 * it was given and draws nothing (the charts' pixels are checked in Chromium by the e2e specs).
 *
 *   vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
 */
export async function withFakeChart<T extends object>(importOriginal: () => Promise<T>): Promise<T> {
  const actual = await importOriginal();
  class Chart {
    data: unknown;
    options: unknown;
    constructor(_canvas: unknown, config: { data: unknown; options: unknown }) {
      this.data = config.data;
      this.options = config.options;
    }
    update(): void {}
    destroy(): void {}
  }
  return { ...actual, Chart };
}
