export type { MetricsSeries } from '../../rl/metrics';
