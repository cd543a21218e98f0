import type { Model } from '../../base/model';
import type { GraphModel } from '../graph-model';
import type { NodeModel } from '../node-model';

/** The kinds of graph object, named after their API classes. */
export type GraphObjectKind = 'SDGraphObjectPin' | 'SDGraphObjectComment' | 'SDGraphObjectFrame';

/** A pin, comment or frame of a graph: a position, a description, and for frames a title, a color and a size. */
export class GraphObjectModel implements Model {
  /** False once deleted (or its graph went away). */
  alive = true;
  position: [number, number] = [0, 0];
  description = '';
  title = '';
  color: [number, number, number, number] = [0, 0, 0, 0.25];
  size: [number, number] = [0, 0];

  constructor(
    /** Its API class. */
    readonly kind: GraphObjectKind,
    /** The graph it is in. */
    readonly graph: GraphModel,
    /** The node a comment is attached to (`sNewAsChild`), else null. */
    readonly parentNode: NodeModel | null = null,
  ) {}

  /** `SDGraphObjectFrame in pkg:///Graph`. */
  describe(): string {
    return `${this.kind} in ${this.graph.url()}`;
  }
}
