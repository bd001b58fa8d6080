/**
 * What an error boundary's buttons do in the app (src/ui/common/ErrorBoundary.tsx gets these through
 * its context, provided in App.tsx): copy the current config as JSON, and go back to the default world
 * (the world it replaces is kept in "Recently replaced" like any other: see configStore's setConfig).
 */
import { defaultConfig } from '../config/defaults';
import { copyText } from '../export/clipboard';
import { configToJson } from '../export/configFile';
import { errorText } from '../storage/keyValueStore';
import { useConfigStore } from './configStore';

export const DEFAULT_WORLD_REASON = 'Went back to the default world after an error';

export const errorActions = {
  configJson(): string {
    try {
      return configToJson(useConfigStore.getState().config);
    } catch (e) {
      return `(the config could not be written out: ${errorText(e)})`;
    }
  },
  copyText: (text: string) => copyText(text),
  defaultWorld(): void {
    useConfigStore.getState().setConfig(defaultConfig(), { reason: DEFAULT_WORLD_REASON, quiet: true });
  },
};
