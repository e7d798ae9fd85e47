/** Defaults of the command's options. */
export const DEFAULTS = { runs: 100, timeout: 2000, startTimeout: 10_000 } as const;
