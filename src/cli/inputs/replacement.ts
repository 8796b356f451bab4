/**
 * GNU parallel's replacement strings in a prompt template: `{}` the input,
 * `{.}` without its extension, `{/}` its basename, `{//}` its directory,
 * `{/.}` the basename without extension, `{#}` the job's sequence number
 * (from 1), and `{1}`, `{2}`, ... the input of each `:::` group. A template
 * with none of them gets the input appended after a space, as in parallel.
 */
import { posix } from 'node:path';

const TOKEN = /\{(?:(\d+)(\/\/|\/\.|\/|\.)?|(\/\/|\/\.|\/|\.|#)?)\}/g;

function noExtension(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(0, dot) : path;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  return path.includes('/') ? posix.dirname(path) : '.';
}

function transform(value: string, how: string | undefined): string {
  switch (how) {
    case '.':
      return noExtension(value);
    case '/':
      return basename(value);
    case '//':
      return dirname(value);
    case '/.':
      return noExtension(basename(value));
    default:
      return value;
  }
}

/** True when the template holds a replacement string. */
export function hasReplacement(template: string): boolean {
  TOKEN.lastIndex = 0;
  return TOKEN.test(template);
}

/** The prompt for one job: `args` is one value per `:::` group, `seq` counts from 1. */
export function fillTemplate(template: string, args: string[], seq: number): string {
  const joined = args.join(' ');
  if (!hasReplacement(template)) return `${template} ${joined}`;
  return template.replace(TOKEN, (whole, position: string | undefined, positionHow, how) => {
    if (position !== undefined) {
      const value = args[Number(position) - 1];
      return value === undefined ? whole : transform(value, positionHow as string | undefined);
    }
    if (how === '#') return String(seq);
    return transform(joined, how as string | undefined);
  });
}
