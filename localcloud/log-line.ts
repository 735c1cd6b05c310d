/**
 * Log lines carry what requests sent (function names, URLs, error messages). Escaping every
 * control character (CR, LF, ESC, C1, the Unicode line separators) keeps one call one line, so
 * a request cannot forge a line of its own or rewrite the terminal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function escapeLogText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Wraps a log sink so that whatever it is given comes out as exactly one line. */
export function oneLineLog(sink: (line: string) => void): (line: string) => void {
  return (line) => sink(escapeLogText(line));
}

/**
 * Logs an error with its stack one frame per line (each line escaped and prefixed), so stacks stay
 * readable while the message, which may quote the request, cannot break out of its line.
 */
export function logError(log: (line: string) => void, prefix: string, err: unknown): void {
  const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : String(err);
  logStack(log, prefix, stack);
}

/** A serialized stack (`Name: message` then `    at …` frames): the message on one line, then one line per frame. */
export function logStack(log: (line: string) => void, prefix: string, stack: string): void {
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  const head = firstFrame < 0 ? lines : lines.slice(0, firstFrame);
  log(`${prefix} ${head.join('\n')}`);
  if (firstFrame >= 0) for (const frame of lines.slice(firstFrame)) log(`${prefix}   ${frame.trim()}`);
}
