/** A recording stand-in for CanvasRenderingContext2D (jsdom has no canvas): every call and property set is logged. */
export interface Call {
  name: string;
  args: unknown[];
}

export interface RecordingContext {
  ctx: CanvasRenderingContext2D;
  calls: Call[];
  count(name: string): number;
  /** Calls made while the given property had the given value (e.g. fills with fillStyle X). */
  callsWith(name: string, prop: string, value: unknown): number;
  reset(): void;
}

export function recordingContext(): RecordingContext {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {};
  const snapshots: Record<string, unknown>[] = [];
  const ctx = new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key !== 'string') return undefined;
        if (key in state) return state[key];
        if (key === 'measureText') return (text: string) => ({ width: text.length * 6 });
        if (key === 'createImageData' || key === 'getImageData')
          return (...args: number[]) => {
            const [w, h] = key === 'createImageData' ? args : args.slice(2);
            calls.push({ name: key, args });
            snapshots.push({ ...state });
            return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
          };
        return (...args: unknown[]) => {
          calls.push({ name: key, args });
          snapshots.push({ ...state });
        };
      },
      set(_t, key, value) {
        if (typeof key === 'string') {
          state[key] = value;
          calls.push({ name: `set:${key}`, args: [value] });
          snapshots.push({ ...state });
        }
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  return {
    ctx,
    calls,
    count: (name) => calls.filter((c) => c.name === name).length,
    callsWith: (name, prop, value) =>
      calls.filter((c, i) => c.name === name && snapshots[i][prop] === value).length,
    reset: () => {
      calls.length = 0;
      snapshots.length = 0;
    },
  };
}
