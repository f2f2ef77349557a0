/**
 * An input that cannot be right. Core code throws it with a message that reads well in a cell;
 * the sheet adapter prefixes the function and argument names.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
