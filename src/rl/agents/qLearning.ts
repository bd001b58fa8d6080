/**
 * Q-learning (Watkins 1989; Sutton & Barto 6.5), off-policy TD control:
 *   Q(s, a) += alpha * (r + gamma * max_a' Q(s', a') - Q(s, a))
 * With lambda > 0 it is Watkins's Q(lambda): traces are cut after an exploratory action.
 */
import { TabularAgent, type EpisodeHost } from './tdBase';
import { epsilonGreedy, maxQ } from './tabular';

// Module-local names for the hot helpers (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;
const max = maxQ;

export class QLearningAgent extends TabularAgent {
  readonly type = 'q-learning';

  step(r: number, s2: number, terminal: boolean): number {
    const target = terminal ? r : r + this.gamma * max(this.q, s2);
    this.learn(target - this.q[this.s * 4 + this.a]);
    const a2 = pick(this.q, s2, this.eps.value, this.rng);
    if (this.traces && this.q[s2 * 4 + a2] !== max(this.q, s2)) this.traces.clear();
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
      const i = s * 4 + a;
      const delta = (done ? lr : lr + gamma * max(q, s2)) - q[i];
      if (traces === null) q[i] += alpha * delta;
      else {
        traces.visit(i);
        traces.apply(q, alpha * delta, decay);
      }
      const a2 = pick(q, s2, eps, rng);
      if (traces !== null && q[s2 * 4 + a2] !== max(q, s2)) traces.clear();
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
