import type { Model } from '../base/model';
import type { GraphModel } from './graph-model';
import type { NodeDefinition } from './node-library';
import { PropertyValues } from './property-values';

/** The state of a node: its definition, position and property values. Its connections live in its graph. */
export class NodeModel implements Model {
  /** False once deleted (or its graph or package went away). */
  alive = true;
  /** Its position in the graph view. */
  position: [number, number] = [0, 0];
  /** Its property values. */
  readonly values: PropertyValues;

  constructor(
    /** Its identifier, unique within its graph. */
    readonly id: string,
    /** What it is. */
    readonly definition: NodeDefinition,
    /** The graph it is in. */
    readonly graph: GraphModel,
  ) {
    this.values = new PropertyValues(
      () => definition.properties,
      () => this.describe(),
    );
  }

  /** `node "1000000001" (sbs::compositing::blend) in pkg:///Graph`. */
  describe(): string {
    return `node "${this.id}" (${this.definition.id}) in ${this.graph.url()}`;
  }
}
