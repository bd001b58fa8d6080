import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cell } from '../../src/rl/grid';
import { GridOverlay, ValueLegend, type GridOverlayProps } from '../../src/ui/grid/overlay/GridOverlay';
import { divergingBin } from '../../src/ui/grid/overlay/colorScale';
import { getPalette } from '../../src/ui/grid/overlay/palette';
import { hexToPixel } from '../../src/ui/grid/overlay/pixelColors';
import { recordingContext, type RecordingContext } from './overlayCanvasStub';

const cells = Uint8Array.from([Cell.Start, Cell.Empty, Cell.Goal, Cell.Wall, Cell.Empty, Cell.Pit]);
const show = { values: true, policy: true, q: false, visits: 'off', trail: true } as const;

let frames: FrameRequestCallback[] = [];
let rec: RecordingContext;

function flushFrames() {
  const fs = frames;
  frames = [];
  act(() => fs.forEach((f) => f(performance.now())));
}

beforeEach(() => {
  frames = [];
  rec = recordingContext();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    (() => rec.ctx) as unknown as HTMLCanvasElement['getContext'],
  );
  Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function props(over: Partial<GridOverlayProps> = {}): GridOverlayProps {
  const policy = new Float64Array(24);
  policy.set([0, 1, 0, 0], 0);
  policy.set([0, 0, 1, 0], 4);
  policy.set([0.5, 0.5, 0, 0], 16);
  return {
    width: 3,
    height: 2,
    cells,
    cellSize: 40,
    values: Float64Array.from([0.5, 1, 0, 0, -0.5, 0]),
    policy,
    trail: Int32Array.from([0, 1, 4]),
    trailLength: 3,
    agent: 4,
    show,
    theme: 'light',
    ...over,
  };
}

describe('GridOverlay', () => {
  it('renders one aria-hidden canvas sized in CSS px and scaled by devicePixelRatio', () => {
    const { container } = render(<GridOverlay {...props()} />);
    const canvas = container.querySelector('canvas')!;
    expect(canvas).toHaveAttribute('aria-hidden', 'true');
    expect(canvas.style.width).toBe('120px');
    expect(canvas.style.height).toBe('80px');
    flushFrames();
    expect(canvas.width).toBe(240);
    expect(canvas.height).toBe(160);
    expect(rec.calls.find((c) => c.name === 'setTransform')?.args).toEqual([2, 0, 0, 2, 0, 0]);
  });

  it('paints once per frame however often it re-renders, and only when props change', () => {
    const onPaint = vi.fn();
    const base = props({ onPaint });
    const { rerender } = render(<GridOverlay {...base} />);
    rerender(<GridOverlay {...base} agent={1} />);
    rerender(<GridOverlay {...base} agent={0} />);
    expect(onPaint).not.toHaveBeenCalled();
    flushFrames();
    expect(onPaint).toHaveBeenCalledTimes(1);
    // Same data, a new but equal `show` object: nothing to repaint.
    rerender(<GridOverlay {...base} agent={0} show={{ ...show }} />);
    flushFrames();
    expect(onPaint).toHaveBeenCalledTimes(1);
    // In-place changes are announced with `version`.
    rerender(<GridOverlay {...base} agent={0} version={2} />);
    flushFrames();
    expect(onPaint).toHaveBeenCalledTimes(2);
  });

  it('draws policy arrows, value heat and the trail on the canvas', () => {
    const onPaint = vi.fn();
    render(<GridOverlay {...props({ onPaint })} />);
    flushFrames();
    const stats = onPaint.mock.calls[0][0];
    expect(stats.arrows).toBe(1 + 1 + 2);
    expect(stats.heatCells).toBe(3);
    expect(stats.trailSegments).toBe(2);
    expect(rec.count('putImageData')).toBe(1);
    const img = rec.calls.find((c) => c.name === 'putImageData')!.args[0] as ImageData;
    expect([img.width, img.height]).toEqual([240, 160]);
  });

  it('shows Q triangles of the hovered cell even when show.q is off', () => {
    const q = new Float64Array(24).map((_, i) => i % 4);
    render(<GridOverlay {...props({ q, show: { ...show, policy: false, values: false }, hoverCell: 1 })} />);
    flushFrames();
    const img = rec.calls.find((c) => c.name === 'putImageData')!.args[0] as ImageData;
    const u32 = new Uint32Array(img.data.buffer);
    const at = (x: number, y: number) => u32[y * img.width + x];
    const p = getPalette('light');
    // Hovered cell 1 (device px 80..159 x 0..79 at ratio 2): up triangle Q=0, right Q=1, down Q=2, left Q=3.
    expect(at(120, 10)).toBe(hexToPixel(p.diverging[divergingBin(0, 3)]));
    expect(at(150, 40)).toBe(hexToPixel(p.diverging[divergingBin(1, 3)]));
    expect(at(120, 70)).toBe(hexToPixel(p.diverging[divergingBin(2, 3)]));
    expect(at(90, 40)).toBe(hexToPixel(p.diverging[divergingBin(3, 3)]));
    // Cell 4 is not hovered: plain.
    expect(at(120, 120)).toBe(hexToPixel(p.cell[Cell.Empty]));
    expect(rec.count('strokeRect')).toBe(1);
  });

  it('stops its pending frame on unmount', () => {
    const cancel = vi.fn();
    vi.stubGlobal('cancelAnimationFrame', cancel);
    const { unmount } = render(<GridOverlay {...props()} />);
    unmount();
    expect(cancel).toHaveBeenCalled();
  });
});

describe('ValueLegend', () => {
  it('labels the min and max and describes the scale', () => {
    render(<ValueLegend min={-2.5} max={10} theme="light" />);
    expect(screen.getByTestId('legend-min')).toHaveTextContent('-2.50');
    expect(screen.getByTestId('legend-max')).toHaveTextContent('10');
    expect(screen.getByRole('img', { name: /value colour scale from -2\.50 .* to 10/i })).toBeInTheDocument();
    expect(screen.getByText('0')).toBeInTheDocument();
  });

  it('handles an empty range without NaN', () => {
    render(<ValueLegend min={0} max={0} />);
    expect(screen.getByTestId('legend-min')).toHaveTextContent('0');
    expect(document.body.innerHTML).not.toContain('NaN');
  });
});
