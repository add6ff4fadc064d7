/** Short notices shown in a corner for a few seconds (e.g. "The engine restarted"). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

const SHOW_MS = 6000;

export class Notices {
  items = $state<Notice[]>([]);
  private nextId = 1;

  show(text: string, kind: Notice['kind'] = 'info'): void {
    const id = this.nextId++;
    this.items.push({ id, kind, text });
    setTimeout(() => this.dismiss(id), kind === 'error' ? SHOW_MS * 2 : SHOW_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}
