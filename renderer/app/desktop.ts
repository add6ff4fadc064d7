/**
 * Connects the page to the desktop app's native side when it runs in Electron: menu
 * commands, notices from the main process, and files dropped on the window. In the browser
 * host there is no `window.lab` and none of this applies.
 */
import type { LabApi, MenuCommand } from '../../core/ipc';

export interface DesktopHandlers {
  onMenu(command: MenuCommand): void;
  onNotice(message: string): void;
  /** Called with the outcome of opening a dropped file (an empty message when cancelled). */
  onOpenResult(ok: boolean, message: string): void;
}

export function connectDesktop(api: LabApi, handlers: DesktopHandlers): () => void {
  const offMenu = api.menu.onCommand(handlers.onMenu);
  const offNotice = api.onNotice(handlers.onNotice);

  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    // The preload takes the path from the dropped File itself; a file with none is refused there.
    void api.project.openDropped(file).then(
      (result) => handlers.onOpenResult(result.ok, result.message),
      (error: unknown) => handlers.onOpenResult(false, error instanceof Error ? error.message : String(error)),
    );
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);

  return () => {
    offMenu();
    offNotice();
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}
