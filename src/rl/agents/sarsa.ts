/**
 * SARSA (Rummery & Niranjan 1994; Sutton & Barto 6.4), on-policy TD control:
 *   Q(s, a) += alpha * (r + gamma * Q(s', a') - Q(s, a)),  a' chosen epsilon-greedily first.
 * With lambda > 0 it is SARSA(lambda) with replacing traces.
 */
import { TabularAgent, type EpisodeHost } from './tdBase';
import { epsilonGreedy } from './tabular';

// A module-local name for the hot helper (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;

export class SarsaAgent extends TabularAgent {
  readonly type = 'sarsa';

  step(r: number, s2: number, terminal: boolean): number {
    const a2 = pick(this.q, s2, this.eps.value, this.rng);
    const target = terminal ? r : r + this.gamma * this.q[s2 * 4 + a2];
    this.learn(target - this.q[this.s * 4 + this.a]);
    this.s = s2;
    this.a = a2;
    return a2;
  }

  runEpisode(h: EpisodeHost): void {
    const { env, shaper, visits, episodeVisits, trail } = h;
    const { nextState, moveReward, moveDone, maxSteps, slip } = env.grid;
    const { q, rng, traces, alpha, gamma } = this;
    const eps = this.eps.value;
    const decay = gamma * this.lambda;
    let len = h.trailLength;
    let ret = 0;
    let n = 0;
    let s = this.s;
    let a = this.a;
    let t = env.t;
    let m: number;
    for (;;) {
      m = s * 4 + (slip > 0 ? env.direction(a) : a);
      const s2 = nextState[m];
      const r = moveReward[m];
      const done = moveDone[m] === 1;
      t++;
      ret += r;
      n++;
      visits[s2]++;
      episodeVisits[s2]++;
      trail[len++] = s2;
      const lr = shaper === null ? r : shaper.shape(s, r, s2, done);
      const a2 = pick(q, s2, eps, rng);
      const i = s * 4 + a;
      const delta = (done ? lr : lr + gamma * q[s2 * 4 + a2]) - q[i];
      if (traces === null) q[i] += alpha * delta;
      else {
        traces.visit(i);
        traces.apply(q, alpha * delta, decay);
      }
      s = s2;
      a = a2;
      if (done || t >= maxSteps) break;
    }
    env.land(m, t);
    this.s = s;
    this.a = a;
    h.trailLength = len;
    h.episodeReturn += ret;
    h.totalSteps += n;
  }
}
