/**
 * Light stand-ins for the canvas overlay and the charts (jsdom has no canvas; these components have
 * their own tests). Use with: vi.mock('../../src/ui/grid/overlay/GridOverlay', () => overlayMock) etc.
 */
export const overlayMock = {
  GridOverlay: (p: { width: number; height: number; cellSize: number }) => (
    <canvas data-testid="overlay" width={p.width * p.cellSize} height={p.height * p.cellSize} />
  ),
  ValueLegend: (p: { min: number; max: number }) => <span data-testid="legend">{`${p.min}..${p.max}`}</span>,
};

export const chartsMock = {
  TrainingCharts: (p: { series: { count: number } }) => <div data-testid="chart-mock">{p.series.count}</div>,
};
