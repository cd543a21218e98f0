import { Binding } from '../../base/binding';
import { callName } from '../../base/bindings';
import { SDAPIObject } from '../../base/sd-api-object';
import { float2 } from '../../basetypes/vectors';
import { requireComponents, requireString } from '../../values/check-input';
import type { GraphModel } from '../graph-model';
import type { GraphObjectModel } from './graph-object-model';

/** @internal Graph objects and their models. */
export const GRAPH_OBJECTS = new Binding<SDGraphObject, GraphObjectModel>('SDGraphObject');

/** @internal The model of a graph object facade, checked alive. */
export function liveObject(object: SDGraphObject, method: string): GraphObjectModel {
  return GRAPH_OBJECTS.live(object, callName(object, method));
}

/** @internal Adds `model` to its graph and marks the package modified. */
export function addObject(graph: GraphModel, model: GraphObjectModel): void {
  graph.objects.push(model);
  graph.pkg.modified = true;
}

/**
 * The base of what a graph shows besides nodes (`sd.api.sdgraphobject.SDGraphObject`): pins, comments and frames,
 * with a position and a description. `graph.getGraphObjects()` lists them.
 */
export abstract class SDGraphObject extends SDAPIObject {
  /** @internal Graph objects come from a subclass's `sNew()`. */
  protected constructor() {
    super();
  }

  /** Its position, as a new `float2`. */
  getPosition(): float2 {
    const [x, y] = liveObject(this, 'getPosition').position;
    return new float2(x, y);
  }

  /** Moves it (marks the package modified). */
  setPosition(position: float2): void {
    const model = liveObject(this, 'setPosition');
    const [x, y] = requireComponents(callName(this, 'setPosition'), position, ['x', 'y'], false, 'position');
    model.position = [x, y];
    model.graph.pkg.modified = true;
  }

  /** Its description (a comment's text). */
  getDescription(): string {
    return liveObject(this, 'getDescription').description;
  }

  /** Sets its description (marks the package modified). */
  setDescription(description: string): void {
    const model = liveObject(this, 'setDescription');
    model.description = requireString(callName(this, 'setDescription'), description, 'description');
    model.graph.pkg.modified = true;
  }

  /** Removes it from its graph; its methods then raise `ItemNotFound`. */
  delete(): void {
    const model = liveObject(this, 'delete');
    model.alive = false;
    model.graph.objects.splice(model.graph.objects.indexOf(model), 1);
    model.graph.pkg.modified = true;
  }
}
