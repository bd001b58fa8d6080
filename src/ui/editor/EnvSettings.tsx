/** Environment settings beside the grid: step reward, slip, max steps, discount, per-type rewards. */
import { useConfigStore } from '../../store/configStore';
import { ParamField } from '../common/ParamField';
import { numberBounds } from '../common/schemaBounds';
import { Section } from '../common/Section';
import { ENV_PARAMS, REWARD_PARAMS } from './envParams';

export function EnvSettings() {
  const env = useConfigStore((s) => s.config.env);
  const edit = useConfigStore((s) => s.edit);
  const values = env as unknown as Record<string, unknown>;
  const rewards = env.rewards as Record<string, number>;
  return (
    <Section title="World" tip="The rules of the gridworld">
      {ENV_PARAMS.map((spec) => (
        <ParamField
          key={spec.key}
          spec={spec}
          bounds={numberBounds('env', spec.key)}
          value={values[spec.key]}
          onCommit={(v, key) =>
            edit((d) => void ((d.env as unknown as Record<string, unknown>)[spec.key] = v), {
              key,
              quiet: true,
            })
          }
        />
      ))}
      {REWARD_PARAMS.map((spec) => (
        <ParamField
          key={spec.key}
          spec={spec}
          bounds={numberBounds('rewards', spec.key)}
          value={rewards[spec.key]}
          onCommit={(v, key) =>
            edit((d) => void ((d.env.rewards as Record<string, unknown>)[spec.key] = v), { key, quiet: true })
          }
        />
      ))}
    </Section>
  );
}
