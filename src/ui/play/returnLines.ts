/** The return chart's lines for "Play it yourself": your best return ("You") and where the agent passed you. */
import { useMemo } from 'react';
import { useConfigStore } from '../../store/configStore';
import { bestDemonstration } from '../../store/playStore';
import { useTrainingStore } from '../../store/trainingStore';

export interface PlayLine {
  x?: number;
  y?: number;
  label: string;
  color?: string;
}

const YOU_COLOR = '#d97706';

export function usePlayReturnLines(): PlayLine[] | undefined {
  const best = useConfigStore((s) => bestDemonstration(s.config)?.return ?? null);
  const passedAt = useTrainingStore((s) => s.passedAt);
  return useMemo(() => {
    if (best === null) return undefined;
    const lines: PlayLine[] = [{ y: best, label: 'You', color: YOU_COLOR }];
    if (passedAt !== null) lines.push({ x: Math.max(1, passedAt), label: 'passed you', color: YOU_COLOR });
    return lines;
  }, [best, passedAt]);
}
