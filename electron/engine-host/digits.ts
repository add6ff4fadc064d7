/** Checks the packed digit file the page hands the engine host (provideDigits). */
import { decodeDigits } from '../../core/tabular/digits';
import { checkDigitsPayload } from '../../core/tabular/provide';

/** Why a whole-looking digits file cannot be used (a label out of range), or null. */
function decodeProblem(bytes: Uint8Array): string | null {
  try {
    decodeDigits(bytes);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The digit file's bytes when they are a usable digits file (header, length and labels —
 * no pixel is read), otherwise the reason they are refused.
 */
export function checkDigitsFile(bytes: unknown): Uint8Array | string {
  const checked = checkDigitsPayload(bytes);
  if (typeof checked === 'string') return checked;
  return decodeProblem(checked) ?? checked;
}
