import { CONNECTIONS_FROM_INPUT, CONNECTIONS_FROM_OUTPUT } from '../base/bindings';
import { SDAPIObject } from '../base/sd-api-object';
import type { ConnectionModel } from './connection-model';
import type { NodeModel } from './node-model';
import type { PropertyDef } from './property-def';
import { nodeFacade } from './node-facade';
import type { SDNode } from './sd-node';
import { propertyFacade, type SDProperty } from './sd-property';

/**
 * A link between an output property of one node and an input property of another
 * (`sd.api.sdconnection.SDConnection`).
 *
 * Its accessors are relative to where it was obtained, as observed in Designer: the `getInput*` accessors
 * give the *other* end, the `getOutput*` accessors the end you asked from. From
 * `src.newPropertyConnectionFromId('unique_filter_output', dst, 'source')` (asked from the source) and from
 * `src.getPropertyConnections(outputProp)`, `getInputPropertyNode()` is `dst`; from
 * `dst.getPropertyConnections(sourceProp)`, `getInputPropertyNode()` is `src`.
 */
export class SDConnection extends SDAPIObject {
  /** @internal Connections come from the nodes' connection methods. */
  constructor() {
    super();
  }

  /** The node at the other end. */
  getInputPropertyNode(): SDNode {
    return nodeFacade(ends(this, 'getInputPropertyNode').other[0]);
  }

  /** The property at the other end. */
  getInputProperty(): SDProperty {
    return propertyFacade(ends(this, 'getInputProperty').other[1]);
  }

  /** The node at the end it was obtained from. */
  getOutputPropertyNode(): SDNode {
    return nodeFacade(ends(this, 'getOutputPropertyNode').own[0]);
  }

  /** The property at the end it was obtained from. */
  getOutputProperty(): SDProperty {
    return propertyFacade(ends(this, 'getOutputProperty').own[1]);
  }

  /** Removes the connection (marks the package modified). Later calls on it raise `ItemNotFound`. */
  disconnect(): void {
    const model = modelOf(this, 'disconnect');
    model.from.graph.disconnect([model]);
  }
}

type End = readonly [NodeModel, PropertyDef];

function modelOf(connection: SDConnection, method: string): ConnectionModel {
  const call = `SDConnection.${method}()`;
  return CONNECTIONS_FROM_OUTPUT.owns(connection)
    ? CONNECTIONS_FROM_OUTPUT.live(connection, call)
    : CONNECTIONS_FROM_INPUT.live(connection, call);
}

function ends(connection: SDConnection, method: string): { own: End; other: End } {
  const model = modelOf(connection, method);
  const upstream: End = [model.from, model.fromProperty];
  const downstream: End = [model.to, model.toProperty];
  return CONNECTIONS_FROM_OUTPUT.owns(connection)
    ? { own: upstream, other: downstream }
    : { own: downstream, other: upstream };
}

/** @internal The connection object of `model` as seen from its output end (`true`) or its input end. */
export function connectionFacade(model: ConnectionModel, fromOutput: boolean): SDConnection {
  return (fromOutput ? CONNECTIONS_FROM_OUTPUT : CONNECTIONS_FROM_INPUT).facade(model, () => new SDConnection());
}
