import type { Model } from '../base/model';
import type { NodeModel } from './node-model';
import type { PropertyDef } from './property-def';

/** A link from an output property of one node to an input property of another, in the same graph. */
export class ConnectionModel implements Model {
  /** False once disconnected (or replaced, or an end was deleted). */
  alive = true;

  constructor(
    /** The upstream node. */
    readonly from: NodeModel,
    /** Its output property. */
    readonly fromProperty: PropertyDef,
    /** The downstream node. */
    readonly to: NodeModel,
    /** Its input property. */
    readonly toProperty: PropertyDef,
  ) {}

  /** `connection 1000000001.unique_filter_output -> 1000000002.source in pkg:///Graph`. */
  describe(): string {
    return `connection ${this.from.id}.${this.fromProperty.id} -> ${this.to.id}.${this.toProperty.id} in ${this.from.graph.url()}`;
  }
}
