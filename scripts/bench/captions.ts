/**
 * The preset captions' figures, all of them re-run (scripts/record-captions.ts measureAll: the deep
 * needle's DQN comparison and every thinking budget at the presets' seeds, a few minutes) and compared
 * with the recorded ones in src/config/presetResults.ts; the unit suite re-runs only the cheap parts
 * (tests/unit/presetCaptions.test.ts). Fails when a figure differs: re-record (and re-read the caption).
 */
import { PRESET_RESULTS } from '../../src/config/presetResults';
import { measureAll } from '../record-captions';

export async function run(): Promise<void> {
  const fresh = await measureAll((line) => console.log(`  ${line}`));
  const differ = (Object.keys(PRESET_RESULTS) as (keyof typeof PRESET_RESULTS)[]).filter(
    (id) => JSON.stringify(fresh[id]) !== JSON.stringify(PRESET_RESULTS[id]),
  );
  if (differ.length)
    throw new Error(
      `the caption figures of ${differ.join(', ')} differ from a fresh run: npx tsx scripts/record-captions.ts`,
    );
  console.log('  every recorded caption figure equals a fresh run');
}
