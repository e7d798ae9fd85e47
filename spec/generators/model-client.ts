import fc from 'fast-check';

/** A model client object, as frameworks accept instead of a model name. */
export class ModelClient {
  constructor(readonly model: string, readonly temperature: number) {}

  [fc.toStringMethod](): string {
    return `new ModelClient(${JSON.stringify(this.model)}, ${fc.stringify(this.temperature)})`;
  }
}
