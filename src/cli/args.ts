/** Command-line argument checks, file reading and messages shared by the sim and lab commands. */
import { readFileSync, statSync } from 'node:fs';
import { decodeText, oneLine, parseJsonSafely, type SafeJsonLimits } from '../config/safeJson';

/** A mistake in the command line or its input: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** --help: the usage goes to stdout and the command exits with status 0. */
export class HelpRequest extends Error {}

/** The longest line a command prints on stderr. */
export const MAX_LINE_CHARS = 300;

/** A message as the one stderr line a command prints: `command: message`, clipped, no line breaks. */
export function errorLine(command: string, message: string): string {
  return `${oneLine(`${command}: ${message}`, MAX_LINE_CHARS)}\n`;
}

/** Messages joined with '; ' while they fit in one line (leaving room for the command's own words),
 *  then how many were left out. */
export function joinProblems(errors: readonly string[], max = MAX_LINE_CHARS - 60): string {
  let out = '';
  let shown = 0;
  for (const e of errors) {
    const next = shown ? `${out}; ${e}` : e;
    if (shown && next.length > max) break;
    out = next;
    shown++;
  }
  const rest = errors.length - shown;
  return rest > 0 ? `${out} … and ${rest.toLocaleString('en')} more` : out;
}

/** A whole number option within [lo, hi] (decimal digits only: '', ' 1', '1e3', '0x10' are refused),
 *  or a UsageError naming the option. */
export function intArg(name: string, value: string | undefined, lo: number, hi: number): number {
  const n = value !== undefined && /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < lo || n > hi)
    throw new UsageError(
      `${name} needs a whole number from ${lo.toLocaleString('en')} to ${hi.toLocaleString('en')}, got '${value ?? ''}'`,
    );
  return n;
}

/** A path's file status, or null when there is none (no such file, no access). */
export function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Whether a path names an existing regular file (a source that is one is read, whatever it looks like). */
export function isFile(path: string): boolean {
  return statOrNull(path)?.isFile() ?? false;
}

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; error: string; code?: string };

/** A JSON file, read and parsed like an imported file in the app (a leading byte order mark is fine;
 *  size, nesting and prototype keys are bounded). Never throws. */
export function readJsonFile(path: string, limits: SafeJsonLimits): ReadJsonResult {
  let text: string;
  try {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: a larger file is refused before it is read
    const bytes = statSync(path).size;
    if (bytes > 3 * limits.maxChars)
      return {
        ok: false,
        error: `${path}: the file is too large (${bytes.toLocaleString('en')} bytes, at most ${limits.maxChars.toLocaleString('en')} characters)`,
      };
    text = decodeText(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: `${path}: cannot read the file (${code ?? 'error'})`, code };
  }
  const json = parseJsonSafely(text, limits);
  return json.ok ? json : { ok: false, error: `${path}: ${json.error}` };
}

/** A progress line on stderr, at most about once a second, only when stderr is a terminal (so logs and
 *  tests see nothing). `done()` clears it. */
export function ttyProgress(stream: NodeJS.WriteStream = process.stderr) {
  const on = stream.isTTY === true;
  let last = performance.now();
  let shown = false;
  return {
    update(text: () => string): void {
      if (!on) return;
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[K${text()}`);
    },
    done(): void {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text for a terminal: every control character but the line break shown as an escape (`\u001b`), so
 *  names from an input file (a variant called `\u001b]0;T\u0007`) cannot set the title or clear the
 *  screen. JSON stays valid JSON with the same meaning. */
export function printable(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, (c) =>
    c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes to stdout and settles when it has taken the text; a failed stdout (a full disk, a closed
 *  pipe) rejects with the system error instead of crashing the process with a stack. */
let stdoutWatched = false;

export function writeStdout(text: string): Promise<void> {
  const out = process.stdout;
  // the error is reported through the callback; without a listener of ours it would also be thrown
  if (!stdoutWatched) out.on('error', () => {});
  stdoutWatched = true;
  return new Promise((resolve, reject) => {
    try {
      out.write(text, (e) => (e ? reject(e) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}

/** The exit status and message for a failed stdout: a reader that went away (`| head`) is no error. */
export function stdoutFailure(command: string, e: unknown): number {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? 'error';
  if (code === 'EPIPE') return 0;
  process.stderr.write(errorLine(command, `cannot write the output (${code})`));
  return 1;
}

/** Runs a command's main with the process's arguments and sets the exit status it returns; a main that
 *  throws after all is reported as one stderr line with status 1. */
export function runCommand(command: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(errorLine(command, `the run failed: ${(e as Error)?.message ?? String(e)}`));
      process.exitCode = 1;
    },
  );
}
