/**
 * The page's way to its saved work (src/storage): the UI reads and writes storage only through this
 * module. The saved configs and the replaced worlds live in the browser's key-value store (localStorage,
 * or memory when the browser refuses); the classes and their types are those of src/storage.
 */
import { browserStore, type KeyValueStore } from '../storage/keyValueStore';
import { SavedConfigs } from '../storage/savedConfigs';

export { browserStore, errorText, type KeyValueStore } from '../storage/keyValueStore';
export { MEMORY_ONLY_NOTE, ReplacedWorlds, type ReplacedWorld } from '../storage/replacedWorlds';
export { agentEpisodes, MAX_NAME_CHARS, SavedConfigs, type SavedEntry } from '../storage/savedConfigs';

/** The saved configs in `storage` (by default the browser's). */
export function openSavedConfigs(storage: KeyValueStore = browserStore().store): SavedConfigs {
  return new SavedConfigs(storage);
}
