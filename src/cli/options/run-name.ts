/** --name: a human name for the run, one line of 1 to 200 characters. */
import { badFlag } from '../errors.js';

export function runName(value: unknown, command: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || /[\n\r]/.test(text) || text.length > 200) {
    throw badFlag('--name', value, 'one line of text, 1 to 200 characters', command);
  }
  return text;
}
