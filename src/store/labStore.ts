/**
 * Lab UI state: the chosen preset, seeds, which variant is in focus (its "no signal yet" stretch is
 * shaded), which variant the sweep runs, and the state of the comparison, sweep and thinking-budget runs.
 */
import { create } from 'zustand';
import type { BudgetResult } from '../rl/lab/budget';
import type { ComparisonResult } from '../rl/lab/compare';
import type { SweepResult } from '../rl/lab/sweep';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunState<R> {
  status: RunStatus;
  done: number;
  total: number;
  result: R | null;
  error: string | null;
}

export interface LabState {
  presetId: string;
  seeds: number;
  focus: number;
  sweepVariant: number;
  band: 'minmax' | 'std';
  compare: RunState<ComparisonResult>;
  sweep: RunState<SweepResult>;
  /** Seeds of the thinking budget (null: the preset's own). */
  budgetSeeds: number | null;
  budget: RunState<BudgetResult>;
}

export const IDLE = { status: 'idle', done: 0, total: 0, result: null, error: null } as const;

export const DEFAULT_LAB: LabState = {
  presetId: 'needle',
  seeds: 8,
  focus: 0,
  sweepVariant: 0,
  band: 'minmax',
  compare: IDLE,
  sweep: IDLE,
  budgetSeeds: null,
  budget: IDLE,
};

export const useLabStore = create<LabState>()(() => DEFAULT_LAB);

export function resetLabStore(): void {
  useLabStore.setState(DEFAULT_LAB, true);
}
