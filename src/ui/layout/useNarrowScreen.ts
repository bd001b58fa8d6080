/** True on a phone or tablet (the stacked playground, below 900 px: index.css), where the lesson comes first. */
import { useMediaQuery } from '../common/useMediaQuery';

export const useNarrowScreen = (): boolean => useMediaQuery('(max-width: 899px)');
