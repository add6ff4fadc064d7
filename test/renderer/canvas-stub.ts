/**
 * happy-dom has no 2-D canvas. Component tests check what a widget says and which controls it
 * offers (pixels are checked in real Chromium by the e2e tests), so a canvas here gets a
 * context that accepts every drawing call and draws nothing.
 */
function imageData(width: number, height: number) {
  return { width, height, data: new Uint8ClampedArray(Math.max(1, width * height * 4)) };
}

export function stubCanvas(): void {
  const context = new Proxy(
    {
      createImageData: imageData,
      getImageData: (_x: number, _y: number, w: number, h: number) => imageData(w, h),
      measureText: () => ({ width: 0 }),
    },
    {
      get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined),
      set: () => true,
    },
  );
  HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
  if (typeof OffscreenCanvas !== 'undefined')
    OffscreenCanvas.prototype.getContext = (() => context) as unknown as OffscreenCanvas['getContext'];
}
