import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import type { Model } from './model';

/**
 * Links API facades to their models, both ways: one facade per model (so `graph.getNodeFromId(id) === node`),
 * and the model behind a facade, checked alive (for `this`) or checked to be of the right class (for arguments).
 */
export class Binding<F extends object, M extends Model> {
  readonly #models = new WeakMap<object, M>();
  readonly #facades = new WeakMap<M, F>();

  /** @param className The facades' class name in messages (`SDNode`). */
  constructor(private readonly className: string) {}

  /** The facade of `model`: the one made before, else `create()`'s, which is then linked to `model`. */
  facade<G extends F>(model: M, create: () => G): G {
    const known = this.#facades.get(model);
    if (known !== undefined) return known as G;
    const facade = create();
    this.#models.set(facade, model);
    this.#facades.set(model, facade);
    return facade;
  }

  /** The model behind `facade` (a method's `this`); raises `ItemNotFound` when the object no longer exists. */
  live(facade: object, call: string): M {
    const model = this.#models.get(facade);
    if (model === undefined) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: called on an object that is not a Designer ${this.className}`,
      );
    }
    if (!model.alive) {
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: the ${model.describe()} no longer exists (it was deleted, its package was unloaded, or the Designer state was reset)`,
      );
    }
    return model;
  }

  /** The model behind the argument `name` of `call`; raises `InvalidArgument` unless it is a live facade of this kind. */
  arg(value: unknown, call: string, name: string): M {
    const model = typeof value === 'object' && value !== null ? this.#models.get(value) : undefined;
    if (model === undefined) {
      throw new APIException(
        SDApiError.InvalidArgument,
        `${call}: ${name} must be an ${this.className}, got ${describeValue(value)}`,
      );
    }
    if (!model.alive) {
      throw new APIException(
        SDApiError.ItemNotFound,
        `${call}: ${name} (the ${model.describe()}) no longer exists (it was deleted, its package was unloaded, or the Designer state was reset)`,
      );
    }
    return model;
  }

  /** True if `value` is a facade of this binding (alive or not). */
  owns(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.#models.has(value);
  }
}

/** A value in a few words, for messages: `null`, `a number (3)`, `an SDValueFloat`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' || typeof value === 'function') {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : typeof value === 'function' ? 'a function' : 'a plain object';
  }
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
