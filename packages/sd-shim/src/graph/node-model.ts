import type { Model } from '../base/model';
import type { GraphModel } from './graph-model';
import { instanceDefinition } from './instance-definition';
import type { NodeDefinition } from './node-library';
import type { PropertyDef } from './property-def';
import { PropertyValues } from './property-values';
import { SDPropertyInheritanceMethod } from './sd-property-inheritance-method';

/**
 * The state of a node: its definition, position, property values, the inheritance method of its base parameters,
 * the function graphs that drive some of its parameters, and the graph it instantiates (an instance node). Its
 * connections live in its graph.
 */
export class NodeModel implements Model {
  /** False once deleted (or its graph or package went away). */
  alive = true;
  /** Its position in the graph view. */
  position: [number, number] = [0, 0];
  /** Its property values. */
  readonly values: PropertyValues;
  /** The inheritance method of base parameters set explicitly (the others inherit relative to the input). */
  readonly inheritance = new Map<PropertyDef, SDPropertyInheritanceMethod>();
  /** The function graphs of parameters (`newPropertyGraph`). */
  readonly propertyGraphs = new Map<PropertyDef, GraphModel>();

  constructor(
    /** Its identifier, unique within its graph. */
    readonly id: string,
    private readonly ownDefinition: NodeDefinition,
    /** The graph it is in. */
    readonly graph: GraphModel,
    /** The graph an instance node instantiates (null for other nodes). */
    readonly referenced: GraphModel | null = null,
  ) {
    this.values = new PropertyValues(
      () => this.definition.properties,
      () => this.describe(),
    );
  }

  /** What it is: its library definition, or for an instance node the one its referenced graph gives it. */
  get definition(): NodeDefinition {
    return this.referenced === null ? this.ownDefinition : instanceDefinition(this.referenced);
  }

  /** The inheritance method of base parameter `def`. */
  inheritanceOf(def: PropertyDef): SDPropertyInheritanceMethod {
    return this.inheritance.get(def) ?? SDPropertyInheritanceMethod.RelativeToInput;
  }

  /** `node "1000000001" (sbs::compositing::blend) in pkg:///Graph`. */
  describe(): string {
    return `node "${this.id}" (${this.definition.id}) in ${this.graph.url()}`;
  }
}
