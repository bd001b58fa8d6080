import { beforeEach, describe, expect, it } from 'vitest';
import { resetConfigStore, useConfigStore } from '../../src/store/configStore';
import { bestDemonstration, play, usePlayStore, withDemonstration } from '../../src/store/playStore';
import { useUiStore } from '../../src/store/uiStore';
import { useSetAside } from '../../src/store/demoGuard';
import { makeConfig } from './helpers';

const [UP, RIGHT, DOWN] = [0, 1, 2];
const world = makeConfig({
  grid: ['S....', '.....', '.....', '.....', '....G'],
  env: { stepReward: -1, rewards: { G: 10 } },
});

describe('play store', () => {
  beforeEach(() => {
    resetConfigStore(world);
    play.set(false);
  });

  it('records each finished episode in config.demonstrations and knows your best', () => {
    play.set(true);
    expect(usePlayStore.getState().cell).toBe(0);
    for (const a of [UP, RIGHT, RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN, DOWN]) play.move(a);
    expect(useConfigStore.getState().config.demonstrations).toEqual(['URRRRDDDD']);
    expect(usePlayStore.getState().cell).toBe(0); // the next episode began
    for (const a of [RIGHT, RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN, DOWN]) play.move(a);
    const c = useConfigStore.getState().config;
    expect(c.demonstrations).toHaveLength(2);
    expect(bestDemonstration(c)).toEqual({ return: 3, steps: 8, success: true, index: 1 });
    expect(bestDemonstration(c)).toBe(bestDemonstration(c)); // stable for a selector
    play.forget();
    expect(useConfigStore.getState().config.demonstrations).toEqual([]);
  });

  it('does not move while play is off', () => {
    expect(play.move(RIGHT)).toBeNull();
  });

  it('keeps at most 20 episodes, dropping the oldest', () => {
    const list = Array.from({ length: 20 }, (_, i) => 'R'.repeat(i + 1));
    const r = withDemonstration(list, 'D');
    expect(r.list).toHaveLength(20);
    expect(r.dropped).toBe(1);
    expect(r.list[0]).toBe('RR');
    expect(r.list[19]).toBe('D');
  });

  it('keeps the world when a loaded demonstration is damaged or does not fit it', () => {
    const r = useConfigStore
      .getState()
      .setConfig({
        ...world,
        train: { ...world.train, seed: 5 },
        demonstrations: ['RRRRDDDD', 'RRx', 'RRRRDDDDU'],
      });
    expect(r.ok).toBe(true);
    const c = useConfigStore.getState().config;
    expect(c.train.seed).toBe(5);
    expect(c.demonstrations).toEqual(['RRRRDDDD']);
    expect(useSetAside.getState().items.map((i) => i.text)).toEqual(['RRx', 'RRRRDDDDU']);
    expect(useUiStore.getState().notice?.text).toMatch(/set aside 2 demonstrations/);
  });
});
