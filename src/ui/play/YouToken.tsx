/** The "you" token on the grid while playing, and swipes on the grid as moves (touch). */
import { useRef, type PointerEvent } from 'react';
import { play, usePlayStore } from '../../store/playStore';

/** Shortest swipe (px) that counts as a move. */
const SWIPE_PX = 24;

export function YouToken({ width, cellSize }: { width: number; cellSize: number }) {
  const cell = usePlayStore((s) => s.cell);
  const from = useRef<{ x: number; y: number } | null>(null);
  if (cell === null) return null;
  const x = cell % width;
  const y = Math.floor(cell / width);
  const down = (e: PointerEvent) => {
    from.current = { x: e.clientX, y: e.clientY };
  };
  const up = (e: PointerEvent) => {
    const f = from.current;
    from.current = null;
    if (!f) return;
    const dx = e.clientX - f.x;
    const dy = e.clientY - f.y;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE_PX) return;
    play.move(Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 1 : 3) : dy > 0 ? 2 : 0);
  };
  const size = Math.max(10, Math.round(cellSize * 0.6));
  return (
    <div
      className="play-surface"
      onPointerDown={down}
      onPointerUp={up}
      onPointerCancel={() => (from.current = null)}
      data-testid="play-surface"
    >
      <div
        className="you-token"
        data-testid="you-token"
        data-cell={cell}
        aria-label={`You, at column ${x + 1}, row ${y + 1}`}
        role="img"
        style={{
          left: x * cellSize + (cellSize - size) / 2,
          top: y * cellSize + (cellSize - size) / 2,
          width: size,
          height: size,
          fontSize: Math.max(7, Math.round(size * 0.32)),
        }}
      >
        you
      </div>
    </div>
  );
}
