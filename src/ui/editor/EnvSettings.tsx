/** Environment settings beside the grid: step reward, slip, max steps, discount, per-type rewards
 *  (the form fields of the env and rewards schemas). */
import { ParamList } from '../common/ParamList';
import { Section } from '../common/Section';

export function EnvSettings() {
  return (
    <Section title="World" tip="The rules of the gridworld">
      <ParamList section="env" />
      <ParamList section="rewards" />
    </Section>
  );
}
