export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

/**
 * Short messages about what just happened ("Saved", "Refused: …"). Successes fade on their own;
 * errors stay until dismissed, so an operator who looked away still sees that something failed.
 */
export class Notices {
  list = $state<Notice[]>([]);
  #next = 1;

  constructor(private readonly successMs = 4_000) {}

  success(text: string): void {
    this.#push('success', text, this.successMs);
  }
  info(text: string): void {
    this.#push('info', text, this.successMs);
  }
  error(text: string): void {
    this.#push('error', text, null);
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }

  clear(): void {
    this.list = [];
  }

  #push(kind: Notice['kind'], text: string, ms: number | null): void {
    const id = this.#next++;
    // The same message twice in a row (a button pressed again) shows once.
    this.list = [...this.list.filter((n) => n.text !== text), { id, kind, text }].slice(-5);
    if (ms !== null) setTimeout(() => this.dismiss(id), ms);
  }
}
