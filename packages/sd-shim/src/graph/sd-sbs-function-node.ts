import { SDNode } from './sd-node';

/** A node of a function graph (`sd.api.sbs.sdsbsfunctionnode.SDSBSFunctionNode`): an {@link SDNode} of typed values. */
export class SDSBSFunctionNode extends SDNode {
  /** @internal Nodes come from their graph. */
  constructor() {
    super();
  }
}
