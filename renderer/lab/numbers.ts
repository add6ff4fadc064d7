/**
 * Number formatting for read-outs that change every snapshot (about 60 times a second):
 * plain string work, as toLocaleString builds a new locale formatter on every call.
 */

/** A whole number with commas between thousands, as "en-US" writes it: 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const whole = Math.round(Math.abs(value));
  const digits = String(whole);
  if (whole < 1000 || digits.includes('e')) return (value < 0 && whole !== 0 ? '-' : '') + digits;
  let text = '';
  let end = digits.length;
  for (let start = end - 3; end > 0; start -= 3) {
    const group = digits.slice(Math.max(0, start), end);
    text = text ? `${group},${text}` : group;
    end = Math.max(0, start);
  }
  return (value < 0 ? '-' : '') + text;
}

/**
 * An accuracy (0–1) as a percentage with one decimal, rounded down: 0.8996 reads "89.9 %",
 * never "90.0 %", so a read-out never shows a goal (such as a lesson's 90 %) as reached
 * before the check agrees. A dash when there is no value yet.
 */
export function formatAccuracy(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const tenths = Math.floor(value * 1000 + 1e-9);
  return `${(tenths / 10).toFixed(1)} %`;
}
