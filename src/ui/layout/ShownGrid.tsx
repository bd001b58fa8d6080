/** The grid as the page shows it: GridView with the history's changed cells and the search on show. */
import { GridView } from '../grid/GridView';
import { useChangedCells } from '../history/hooks';
import { useShownSearch } from '../think/useShownSearch';

export function ShownGrid() {
  return <GridView changed={useChangedCells()} search={useShownSearch()} />;
}
