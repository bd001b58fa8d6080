/** Training settings: episodes, seed, reward shaping and the exploration bonus. */
import { useConfigStore } from '../../store/configStore';
import { ParamField } from '../common/ParamField';
import { numberBounds } from '../common/schemaBounds';
import { Section } from '../common/Section';
import { TRAIN_PARAMS } from './trainParams';

export function TrainSettings() {
  const train = useConfigStore((s) => s.config.train) as Record<string, unknown>;
  const edit = useConfigStore((s) => s.edit);
  return (
    <Section title="Training" tip="How long to train, the random seed, and help for sparse rewards">
      {TRAIN_PARAMS.map((spec) => (
        <ParamField
          key={spec.key}
          spec={spec}
          bounds={numberBounds('train', spec.key)}
          value={train[spec.key]}
          onCommit={(v, key) =>
            edit((d) => void ((d.train as Record<string, unknown>)[spec.key] = v), { key, quiet: true })
          }
        />
      ))}
    </Section>
  );
}
