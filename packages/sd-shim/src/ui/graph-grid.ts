/** The mock's grid step: Designer does not document its value; Adobe's samples only multiply it. */
const FIRST_LEVEL_SIZE = 64;

/**
 * The graph view's grid (`sd.ui.graphgrid.GraphGrid`): Adobe's samples place nodes at multiples of
 * `GraphGrid.sGetFirstLevelSize()`. The mock's step is 64 (its own choice).
 */
export class GraphGrid {
  /** Not made: the class only has static methods. */
  private constructor() {}

  /** The size of the grid's first level, in graph units. */
  static sGetFirstLevelSize(): number {
    return FIRST_LEVEL_SIZE;
  }
}
