import { NODES } from '../base/bindings';
import type { NodeModel } from './node-model';
import type { SDNode } from './sd-node';
import { SDSBSCompNode } from './sd-sbs-comp-node';
import { SDSBSFunctionNode } from './sd-sbs-function-node';

/** @internal The node object of `model` (one per node), of its graph's node class, as Designer's most specific class. */
export function nodeFacade(model: NodeModel): SDNode {
  return NODES.facade(model, () =>
    model.graph.family === 'compositing' ? new SDSBSCompNode() : new SDSBSFunctionNode(),
  );
}
