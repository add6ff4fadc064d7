/** The notices the engine host shows the page when it restarts the worker or gives up. */

export function formatEpoch(epoch: number): string {
  return Math.round(epoch).toLocaleString('en-US');
}

export function restartNotice(epoch: number | null, resumed: boolean): string {
  if (epoch === null) return 'The training engine stopped unexpectedly and was restarted.';
  return resumed
    ? `The training engine stopped unexpectedly and was restarted; training resumed from epoch ${formatEpoch(epoch)}.`
    : `The training engine stopped unexpectedly and was restarted; your network was restored at epoch ${formatEpoch(epoch)}.`;
}

export const GAVE_UP_NOTICE =
  'The training engine keeps stopping, so it was not restarted again. Save your project and restart Activation Lab.';
