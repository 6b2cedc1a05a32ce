// The little logging the client needs: components pass their own; the default writes to stderr.
export interface Logger {
  warn(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  warn: (message, error) => console.warn(`[client] ${message}`, ...(error === undefined ? [] : [error instanceof Error ? error.message : error])),
};

export const silentLogger: Logger = { warn: () => undefined };
