// The logger every clusters service takes in its constructor; the engine passes its own.
export interface Logger {
  info(message: string): void;
  warn(message: string, err?: unknown): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** A listener registration; call dispose() to stop listening. */
export interface Disposable {
  dispose(): void;
}

/** A tiny typed event emitter: `onDidChange(listener)` returns a Disposable. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}
