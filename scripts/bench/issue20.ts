/**
 * Issue 20's measures in one place, each beside the issue's reference figures (2026-12-07, 2 cores), so
 * a change can see whether it moved them:
 * 1. tabular Q-learning through the CLI's path (Trainer.runEpisode) as a ratio to a raw typed-array
 *    kernel on the sparse 50 x 50 world, 40,000 episodes (tabular.ts: the two take turns, same load);
 * 2. DQN on the open 8 x 8 room, 300 episodes, training seconds per seed (dqn.ts), seeds 1-3;
 * 3. the deep-needle preset through the CLI, `npm run lab -- compare deep-needle --seeds 8`;
 * 4. the CLI's start: `npm run sim` (npm's own start included) and `node dist-cli/sim.js` alone, on a
 *    tabular config and on a DQN config, each run for one episode.
 * Ratios within one run are what to compare on a shared machine; every figure is a median (min-max).
 * Run alone: npm run bench -- issue20 (or npx tsx scripts/bench/issue20.ts [--quick]: fewer rounds).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deepNeedleCli, OPEN_8X8, train8x8 } from './dqn';
import { median, spread } from './_stats';
import { ratioToKernel, REFERENCE as TABULAR_BEFORE, REINFORCEJS } from './tabular';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function row(label: string, figure: string, reference: string): void {
  console.log(`${label.padEnd(44)} ${figure.padEnd(24)} ${reference}`);
}

/** Wall seconds of `runs` runs of a command (after one unmeasured run, which also builds dist-cli). */
function timeCommand(cmd: string, args: string[], runs: number): number[] {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout).slice(-300)}`);
    return (performance.now() - t0) / 1000;
  };
  once();
  return Array.from({ length: runs }, once);
}

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const quick = args.includes('--quick');
  console.log(
    'measure                                      now (median, range)      issue 20 reference (2026-12-07)',
  );

  const tab = await ratioToKernel(40_000, quick ? 2 : 3);
  row(
    'tabular Q-learning / raw kernel (50 x 50)',
    spread(tab.ratios, 2),
    `before ${TABULAR_BEFORE}; REINFORCEjs ${REINFORCEJS}; goal >= 0.80`,
  );

  // The wasm backend loaded once beforehand, so no seed pays for it (dqn.ts's run does the same).
  await train8x8(99).catch(() => undefined);
  const dqn: number[] = [];
  const dqnCpu: number[] = [];
  const steps: number[] = [];
  for (let seed = 1; seed <= 3; seed++) {
    const r = await train8x8(seed);
    dqn.push(r.seconds);
    dqnCpu.push(r.cpu);
    steps.push(r.reached ? r.greedySteps : -1);
  }
  row(
    'DQN open 8 x 8, 300 episodes, s per seed',
    spread(dqn, 2, ' s'),
    `before 1.9-2.6 s; REINFORCEjs median 14 s; lean tfjs-wasm 1.2 s; goal < 1 s`,
  );
  row('  the same, CPU s per seed', spread(dqnCpu, 2, ' s'), '(less sensitive to a loaded machine)');
  row('  greedy steps, seeds 1-3 (shortest 14)', steps.join(', '), '14 on 3/3');

  const dn = deepNeedleCli();
  row(
    'deep needle, 8 seeds, CLI wall s (one run)',
    `${dn.wall.toFixed(2)} s (CPU ${dn.cpu.toFixed(1)} s)`,
    '7.4 s idle (28.9 s beside a browser); goal <= 5 s idle',
  );

  const dir = mkdtempSync(join(tmpdir(), 'bench-issue20-'));
  try {
    const tabular = join(dir, 'tabular.json');
    const dqnFile = join(dir, 'dqn.json');
    writeFileSync(tabular, JSON.stringify({ ...OPEN_8X8, agent: { type: 'q-learning' } }));
    writeFileSync(dqnFile, JSON.stringify(OPEN_8X8));
    const runs = quick ? 3 : 5;
    for (const [name, file, goal, before] of [
      ['tabular', tabular, '0.8 s', '1.5 s'],
      ['DQN', dqnFile, '1.2 s', '2.3 s'],
    ] as const) {
      const viaNpm = timeCommand('npm', ['run', '--silent', 'sim', '--', file, '--episodes', '1'], runs);
      const direct = timeCommand(process.execPath, ['dist-cli/sim.js', file, '--episodes', '1'], runs);
      row(
        `CLI start, ${name}: npm run sim, 1 episode`,
        spread(viaNpm, 2, ' s'),
        `before ${before}; goal ${goal}`,
      );
      row(
        `  node dist-cli/sim.js alone`,
        spread(direct, 2, ' s'),
        `(npm adds ${(median(viaNpm) - median(direct)).toFixed(2)} s)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
