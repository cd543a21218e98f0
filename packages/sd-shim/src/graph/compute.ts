import type { GraphModel } from './graph-model';
import type { NodeModel } from './node-model';
import { SDPropertyCategory } from './sd-property-category';
import { SDPropertyInheritanceMethod } from './sd-property-inheritance-method';

/** Designer's largest texture: 2^13 = 8192 pixels. */
const MAX_LOG2 = 13;

function outputSizeOf(values: NodeModel['values'] | GraphModel['values']): [number, number] {
  const def = values.find('$outputsize', SDPropertyCategory.Input);
  const value = def && values.get(def);
  return value?.kind === 'int2' ? [value.value[0]!, value.value[1]!] : [0, 0];
}

/**
 * Gives every image output of a compositing graph a texture (`SDValueTexture` after `compute()`): the mock
 * renders nothing, but sizes follow Designer's rules for `$outputsize` (log2 of the size): absolute, relative to
 * the graph, or relative to the node's first connected image input (the default).
 */
export function computeTextures(graph: GraphModel): void {
  if (graph.family !== 'compositing') return;
  const parent = outputSizeOf(graph.values);
  const sizes = new Map<NodeModel, [number, number]>();
  const sizeOf = (node: NodeModel): [number, number] => {
    const known = sizes.get(node);
    if (known) return known;
    sizes.set(node, parent); // a guard against cycles, which connect() refuses anyway
    const own = outputSizeOf(node.values);
    const def = node.values.find('$outputsize', SDPropertyCategory.Input);
    const method = def ? node.inheritanceOf(def) : SDPropertyInheritanceMethod.RelativeToParent;
    let base: [number, number] = [0, 0];
    if (method === SDPropertyInheritanceMethod.RelativeToParent) base = parent;
    if (method === SDPropertyInheritanceMethod.RelativeToInput) {
      const input = graph.connections.find((c) => c.alive && c.to === node && c.toProperty.type.kind === 'texture');
      base = input ? sizeOf(input.from) : parent;
    }
    const size: [number, number] = [
      Math.min(MAX_LOG2, Math.max(0, base[0] + own[0])),
      Math.min(MAX_LOG2, Math.max(0, base[1] + own[1])),
    ];
    sizes.set(node, size);
    return size;
  };
  for (const node of graph.nodes.values()) {
    const [w, h] = sizeOf(node);
    for (const def of node.values.of(SDPropertyCategory.Output)) {
      if (def.type.kind === 'texture')
        node.values.setComputed(def, { kind: 'texture', width: 2 ** w, height: 2 ** h, format: 0 });
    }
  }
}
