/**
 * Expected SARSA (van Seijen et al. 2009; Sutton & Barto 6.6): the target averages Q(s', .) under the
 * epsilon-greedy policy instead of sampling a', which removes SARSA's sampling variance:
 *   Q(s, a) += alpha * (r + gamma * E_pi[Q(s', A')] - Q(s, a))
 */
import { TabularAgent, type EpisodeHost } from './tdBase';
import { epsilonGreedy, expectedQ } from './tabular';

// Module-local names for the hot helpers (a transpiler's import binding may be a getter per call).
const pick = epsilonGreedy;
const expected = expectedQ;

export class ExpectedSarsaAgent extends TabularAgent {
  readonly type = 'expected-sarsa';

  step(r: number, s2: number, terminal: boolean): number {
    const target = terminal ? r : r + this.gamma * expected(this.q, s2, this.eps.value);
    this.learn(target - this.q[this.s * 4 + this.a]);
    this.s = s2;
    this.a = pick(this.q, s2, this.eps.value, this.rng);
    return this.a;
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
      const delta = (done ? lr : lr + gamma * expected(q, s2, eps)) - q[i];
      if (traces === null) q[i] += alpha * delta;
      else {
        traces.visit(i);
        traces.apply(q, alpha * delta, decay);
      }
      s = s2;
      a = pick(q, s2, eps, rng);
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
