/**
 * Two tabs share one autosave slot. The tester's sequence: tab A paints walls; tab B opens the bare URL
 * (restoring A's world) and paints pits; A paints a goal. B's pits used to vanish silently; now the
 * world a tab is about to overwrite, when another tab wrote it, is handed over to be kept in Recently
 * replaced, and the storage event tells a tab that another one autosaves too.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/config/defaults';
import type { Config } from '../../src/config/schema';
import { AUTOSAVE_KEY, Autosaver, readAutosave, watchOtherTabs } from '../../src/storage/autosave';
import { memoryStore } from '../../src/storage/keyValueStore';
import { ReplacedWorlds } from '../../src/storage/replacedWorlds';

const paint = (c: Config, y: number, x: number, ch: string): Config => {
  const n = structuredClone(c);
  n.env.grid[y] = n.env.grid[y].slice(0, x) + ch + n.env.grid[y].slice(x + 1);
  return n;
};

function tab(store: ReturnType<typeof memoryStore>, name: string) {
  const overwritten: Config[] = [];
  const replaced = new ReplacedWorlds(store);
  const saver = new Autosaver(store, {
    tab: name,
    setTimer: () => 1,
    clearTimer: () => {},
    onOverwrite: (c) => {
      overwritten.push(c);
      replaced.record(c, 'Autosaved by another tab');
    },
  });
  const save = (c: Config) => {
    saver.schedule(c);
    saver.flush();
  };
  return { saver, overwritten, save };
}

describe('two tabs, one autosave slot', () => {
  it("keeps the world another tab autosaved before overwriting it (the tester's sequence)", () => {
    const store = memoryStore();
    const a = tab(store, 'A');
    const walls = paint(defaultConfig(), 1, 1, '#');
    a.save(walls);

    // B opens the bare URL: it restores A's world, then paints pits. A's world is B's own start: kept
    // by B's undo, nothing is lost, nothing to report.
    const b = tab(store, 'B');
    const r = readAutosave(store);
    expect(r.status === 'ok' && r.config).toEqual(walls);
    b.saver.markSaved(walls);
    const pits = paint(walls, 6, 1, 'X');
    b.save(pits);
    expect(b.overwritten).toEqual([]);

    // A paints a goal: B's pits are about to go; they are kept.
    const goal = paint(walls, 0, 4, 'G');
    a.save(goal);
    expect(a.overwritten).toEqual([pits]);
    const kept = new ReplacedWorlds(store).list().entries.map((e) => e.config);
    expect(kept).toContainEqual(pits);
    const now = readAutosave(store);
    expect(now.status === 'ok' && now.config).toEqual(goal);

    // A tab rewriting its own world, or writing what is already there, keeps nothing.
    a.save(paint(goal, 0, 5, '#'));
    expect(a.overwritten).toHaveLength(1);
  });

  it('a tab opened on a link keeps the world the other tab had autosaved', () => {
    const store = memoryStore();
    const a = tab(store, 'A');
    const mine = paint(defaultConfig(), 2, 0, 'X');
    a.save(mine);
    const b = tab(store, 'B');
    b.save(paint(defaultConfig(), 7, 0, 'G'));
    expect(b.overwritten).toEqual([mine]);
  });

  it('tells a tab, once, that another tab autosaves to the same slot', () => {
    const listeners = new Set<(e: Event) => void>();
    const target = {
      addEventListener: (_: string, f: (e: Event) => void) => listeners.add(f),
      removeEventListener: (_: string, f: (e: Event) => void) => listeners.delete(f),
    } as unknown as Window;
    const onOther = vi.fn();
    const stop = watchOtherTabs(target, 'A', onOther);
    const fire = (key: string, tabName: string) =>
      listeners.forEach((f) =>
        f({ key, newValue: JSON.stringify({ savedAt: 1, tab: tabName, config: defaultConfig() }) } as never),
      );
    fire('something-else', 'B');
    fire(AUTOSAVE_KEY, 'A');
    expect(onOther).not.toHaveBeenCalled();
    fire(AUTOSAVE_KEY, 'B');
    fire(AUTOSAVE_KEY, 'B');
    expect(onOther).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
