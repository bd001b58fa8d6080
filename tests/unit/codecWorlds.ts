/** Hand-made worlds for the codec tests. */
import { readFileSync } from 'node:fs';
import { defaultAgent, defaultConfig } from '../../src/config/defaults';
import { parseConfig, type AgentType, type Config } from '../../src/config/schema';

export const AGENT_TYPES: AgentType[] = [
  'random',
  'q-learning',
  'sarsa',
  'expected-sarsa',
  'dyna-q',
  'value-iteration',
  'policy-iteration',
  'policy-evaluation',
  'dqn',
  'actor-critic',
  'reinforce',
];

/** A typical 20 x 20 classroom world: two walls, a pit, a cliff edge, a bonus and a far goal. */
export function typical20(): Config {
  const rows: string[] = [];
  for (let y = 0; y < 20; y++) {
    let row = '';
    for (let x = 0; x < 20; x++) {
      if (x === 0 && y === 0) row += 'S';
      else if (x === 19 && y === 19) row += 'G';
      else if (y === 10 && x > 3 && x < 16) row += '#';
      else if (x === 10 && y > 2 && y < 8) row += '#';
      else if (y === 19 && x > 2 && x < 17) row += 'C';
      else if (y === 15 && x === 5) row += 'X';
      else if (y === 4 && x === 15) row += '$';
      else row += '.';
    }
    rows.push(row);
  }
  const c = defaultConfig();
  c.env.grid = rows;
  c.env.stepReward = -0.01;
  c.env.cellRewards = [{ x: 19, y: 19, reward: 10 }];
  c.agent = { ...defaultAgent('q-learning'), epsilon: 0.2 } as Config['agent'];
  c.train = { ...c.train, episodes: 2000, seed: 42, shaping: 'potential' };
  return c;
}

export function handMadeConfigs(): Array<[string, Config]> {
  const out: Array<[string, Config]> = [
    ['default', defaultConfig()],
    ['typical 20x20', typical20()],
  ];
  const cliff = parseConfig(JSON.parse(readFileSync('examples/cliff-walk.json', 'utf8')));
  if (cliff.ok) out.push(['examples/cliff-walk.json', cliff.config]);
  for (const type of AGENT_TYPES) {
    const c = defaultConfig();
    c.agent = defaultAgent(type);
    out.push([`default world, ${type} agent`, c]);
  }
  const tiny = defaultConfig();
  tiny.env.grid = ['SG'];
  out.push(['1 x 2 grid', tiny]);
  const big = defaultConfig();
  big.env.grid = Array.from({ length: 50 }, (_, y) =>
    y === 0 ? 'S' + '.'.repeat(48) + 'G' : '.'.repeat(50),
  );
  out.push(['empty 50 x 50', big]);
  return out;
}
