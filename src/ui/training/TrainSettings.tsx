/** Training settings: episodes, seed, reward shaping and the exploration bonus (the train schema's
 *  form fields). */
import { ParamList } from '../common/ParamList';
import { Section } from '../common/Section';

export function TrainSettings() {
  return (
    <Section title="Training" tip="How long to train, the random seed, and help for sparse rewards">
      <ParamList section="train" />
    </Section>
  );
}
