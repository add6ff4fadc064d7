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
 * A number with a fixed count of decimals as the formulas and axes write it: the minus sign
 * "−" (not a hyphen) in front of a negative value, and none on one that rounds to zero:
 * −3 → "−3.0", −0.04 → "0.0".
 */
export function formatSigned(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '\u2212');
}

/** The same number for a screen reader's value text: the ASCII minus, which every reader says as "minus". */
export function spokenSigned(value: number, digits: number): string {
  return formatSigned(value, digits).replace('\u2212', '-');
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

/** A loss in two significant figures for speech: 0.0412 → "0.041". */
function spokenLoss(value: number): string {
  if (!Number.isFinite(value)) return 'not a number';
  return Math.abs(value) >= 100 ? formatCount(value) : String(Number(value.toPrecision(2)));
}

/**
 * One short sentence on how training stands, for a polite live region:
 * "Epoch 1,200, test accuracy 97 %, test loss 0.041". Accuracy is left out where there is none
 * (regression), the loss where there is no measurement yet.
 */
export function trainingSummary(epoch: number, metrics: { testAccuracy: number | null; testLoss: number } | null | undefined): string {
  const parts = [`Epoch ${formatCount(epoch)}`];
  if (metrics && metrics.testAccuracy !== null && Number.isFinite(metrics.testAccuracy)) {
    parts.push(`test accuracy ${Math.floor(metrics.testAccuracy * 100 + 1e-9)} %`);
  }
  if (metrics && !Number.isNaN(metrics.testLoss)) parts.push(`test loss ${spokenLoss(metrics.testLoss)}`);
  return parts.join(', ');
}
