import { callName } from '../base/bindings';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { requireString } from '../values/check-input';
import type { PropertyDef } from './property-def';
import type { NodeModel } from './node-model';
import { ownProperty } from './property-access';
import { SDNode, liveNode } from './sd-node';
import type { SDProperty } from './sd-property';
import { SDPropertyCategory } from './sd-property-category';
import { SDPropertyInheritanceMethod, isInheritanceMethod } from './sd-property-inheritance-method';

/** Base parameters (`$outputsize`, `$format`, …) are the ones with an inheritance method. */
function baseParameter(call: string, node: NodeModel, def: PropertyDef): PropertyDef {
  if (!def.id.startsWith('$') || def.category !== SDPropertyCategory.Input) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: "${def.id}" of the ${node.describe()} is not a base parameter ($outputsize, $format, …); only those inherit`,
    );
  }
  return def;
}

function methodArg(call: string, method: unknown): SDPropertyInheritanceMethod {
  if (!isInheritanceMethod(method)) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: method must be an SDPropertyInheritanceMethod (RelativeToInput, RelativeToParent or Absolute), got ${String(method)}`,
    );
  }
  return method;
}

/**
 * A node of a compositing graph (`sd.api.sbs.sdsbscompnode.SDSBSCompNode`): an {@link SDNode} whose base
 * parameters have an inheritance method (Adobe's compositing sample sets `$format` to `Absolute`).
 */
export class SDSBSCompNode extends SDNode {
  /** @internal Nodes come from their graph. */
  constructor() {
    super();
  }

  /** Sets how base parameter `id` inherits (marks the package modified); raises `ItemNotFound` for an unknown id. */
  setInputPropertyInheritanceMethodFromId(id: string, method: SDPropertyInheritanceMethod): void {
    const call = callName(this, 'setInputPropertyInheritanceMethodFromId');
    const node = liveNode(this, 'setInputPropertyInheritanceMethodFromId');
    const def = baseParameter(
      call,
      node,
      node.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Input),
    );
    node.inheritance.set(def, methodArg(call, method));
    node.graph.pkg.modified = true;
  }

  /** How base parameter `id` inherits (`RelativeToInput` until set). */
  getInputPropertyInheritanceMethodFromId(id: string): SDPropertyInheritanceMethod {
    const call = callName(this, 'getInputPropertyInheritanceMethodFromId');
    const node = liveNode(this, 'getInputPropertyInheritanceMethodFromId');
    return node.inheritanceOf(
      baseParameter(call, node, node.values.require(call, requireString(call, id, 'id'), SDPropertyCategory.Input)),
    );
  }

  /** How base parameter `property` inherits. */
  getPropertyInheritanceMethod(property: SDProperty): SDPropertyInheritanceMethod {
    const call = callName(this, 'getPropertyInheritanceMethod');
    const node = liveNode(this, 'getPropertyInheritanceMethod');
    return node.inheritanceOf(baseParameter(call, node, ownProperty(node.values, call, property, node.describe())));
  }

  /** Sets how base parameter `property` inherits (marks the package modified). */
  setPropertyInheritanceMethod(property: SDProperty, method: SDPropertyInheritanceMethod): void {
    const call = callName(this, 'setPropertyInheritanceMethod');
    const node = liveNode(this, 'setPropertyInheritanceMethod');
    const def = baseParameter(call, node, ownProperty(node.values, call, property, node.describe()));
    node.inheritance.set(def, methodArg(call, method));
    node.graph.pkg.modified = true;
  }
}
