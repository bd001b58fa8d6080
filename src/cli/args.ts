/** Command-line argument checks shared by the sim and lab commands. */

/** A mistake in the command line: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** A whole number option within [lo, hi], or a UsageError naming the option. */
export function intArg(name: string, value: string | undefined, lo: number, hi: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < lo || n > hi)
    throw new UsageError(`${name} needs a whole number from ${lo} to ${hi}, got '${value ?? ''}'`);
  return n;
}
