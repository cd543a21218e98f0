import { callName, NODES, RESOURCES } from '../../base/bindings';
import { ColorRGBA } from '../../basetypes/color-rgba';
import { float2 } from '../../basetypes/vectors';
import { APIException } from '../../errors/api-exception';
import { SDApiError } from '../../errors/sd-api-error';
import { requireComponents, requireString } from '../../values/check-input';
import { GraphModel } from '../graph-model';
import { nodeFacade } from '../node-facade';
import type { SDGraph } from '../sd-graph';
import type { SDNode } from '../sd-node';
import { GraphObjectModel, type GraphObjectKind } from './graph-object-model';
import { GRAPH_OBJECTS, SDGraphObject, addObject, liveObject } from './sd-graph-object';

function graphArg(graph: unknown, call: string): GraphModel {
  const model = RESOURCES.arg(graph, call, 'graph');
  if (!(model instanceof GraphModel)) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: graph must be an SDGraph, got the ${model.describe()}`,
    );
  }
  return model;
}

function make<T extends SDGraphObject>(
  kind: GraphObjectKind,
  graph: GraphModel,
  create: () => T,
  node: SDNode | null = null,
): T {
  const model = new GraphObjectModel(
    kind,
    graph,
    node === null ? null : NODES.arg(node, `${kind}.sNewAsChild()`, 'node'),
  );
  addObject(graph, model);
  return GRAPH_OBJECTS.facade(model, create);
}

/** A pin (`sd.api.sdgraphobjectpin.SDGraphObjectPin`): a marker in the graph view. */
export class SDGraphObjectPin extends SDGraphObject {
  /** @internal Use {@link SDGraphObjectPin.sNew}. */
  constructor() {
    super();
  }

  /** Makes a pin in `graph` at (0, 0) and marks the package modified. */
  static sNew(graph: SDGraph): SDGraphObjectPin {
    return make('SDGraphObjectPin', graphArg(graph, 'SDGraphObjectPin.sNew()'), () => new SDGraphObjectPin());
  }
}

/** A comment (`sd.api.sdgraphobjectcomment.SDGraphObjectComment`): text in the graph, free or attached to a node. */
export class SDGraphObjectComment extends SDGraphObject {
  /** @internal Use {@link SDGraphObjectComment.sNew} or {@link SDGraphObjectComment.sNewAsChild}. */
  constructor() {
    super();
  }

  /** Makes a free comment in `graph` and marks the package modified. */
  static sNew(graph: SDGraph): SDGraphObjectComment {
    return make(
      'SDGraphObjectComment',
      graphArg(graph, 'SDGraphObjectComment.sNew()'),
      () => new SDGraphObjectComment(),
    );
  }

  /** Makes a comment attached to `node` (its position is relative to the node) and marks the package modified. */
  static sNewAsChild(node: SDNode): SDGraphObjectComment {
    const model = NODES.arg(node, 'SDGraphObjectComment.sNewAsChild()', 'node');
    return make('SDGraphObjectComment', model.graph, () => new SDGraphObjectComment(), node);
  }

  /** The node it is attached to, or null. */
  getParent(): SDNode | null {
    const model = liveObject(this, 'getParent');
    return model.parentNode === null ? null : nodeFacade(model.parentNode);
  }
}

/** A frame (`sd.api.sdgraphobjectframe.SDGraphObjectFrame`): a titled, colored rectangle around nodes. */
export class SDGraphObjectFrame extends SDGraphObject {
  /** @internal Use {@link SDGraphObjectFrame.sNew}. */
  constructor() {
    super();
  }

  /** Makes a frame in `graph` and marks the package modified. */
  static sNew(graph: SDGraph): SDGraphObjectFrame {
    return make('SDGraphObjectFrame', graphArg(graph, 'SDGraphObjectFrame.sNew()'), () => new SDGraphObjectFrame());
  }

  /** Its title. */
  getTitle(): string {
    return liveObject(this, 'getTitle').title;
  }

  /** Sets its title (marks the package modified). */
  setTitle(title: string): void {
    const model = liveObject(this, 'setTitle');
    model.title = requireString(callName(this, 'setTitle'), title, 'title');
    model.graph.pkg.modified = true;
  }

  /** Its color, as a new `ColorRGBA`. */
  getColor(): ColorRGBA {
    const [r, g, b, a] = liveObject(this, 'getColor').color;
    return new ColorRGBA(r, g, b, a);
  }

  /** Sets its color (marks the package modified). */
  setColor(color: ColorRGBA): void {
    const model = liveObject(this, 'setColor');
    const [r, g, b, a] = requireComponents(callName(this, 'setColor'), color, ['r', 'g', 'b', 'a'], false, 'color');
    model.color = [r, g, b, a];
    model.graph.pkg.modified = true;
  }

  /** Its size, as a new `float2`. */
  getSize(): float2 {
    const [w, h] = liveObject(this, 'getSize').size;
    return new float2(w, h);
  }

  /** Sets its size (marks the package modified). */
  setSize(size: float2): void {
    const model = liveObject(this, 'setSize');
    const [w, h] = requireComponents(callName(this, 'setSize'), size, ['x', 'y'], false, 'size');
    model.size = [w, h];
    model.graph.pkg.modified = true;
  }
}

/** @internal The API object of a graph object, of the class its kind names. */
export function graphObjectFacade(model: GraphObjectModel): SDGraphObject {
  return GRAPH_OBJECTS.facade(model, () =>
    model.kind === 'SDGraphObjectPin'
      ? new SDGraphObjectPin()
      : model.kind === 'SDGraphObjectComment'
        ? new SDGraphObjectComment()
        : new SDGraphObjectFrame(),
  );
}
