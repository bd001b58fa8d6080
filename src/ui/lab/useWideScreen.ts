/** True on wide (projector-size) windows, where the lab draws taller charts. */
import { useMediaQuery } from '../common/useMediaQuery';

export const useWideScreen = (): boolean => useMediaQuery('(min-width: 1700px)');
