import { RESOURCES, setResourceFacadeMaker } from '../base/bindings';
import type { GraphModel } from '../graph/graph-model';
import { SDSBSCompGraph } from '../graph/sd-sbs-comp-graph';
import { SDSBSFunctionGraph } from '../graph/sd-sbs-function-graph';
import type { ResourceModel } from './resource-model';
import type { SDResource } from './sd-resource';
import { SDResourceFolder } from './sd-resource-folder';
import { SDResourceBitmap } from './sd-resource-bitmap';

/** @internal The API object of a resource (one per resource), of the class its kind names. */
export function resourceFacade(model: ResourceModel): SDResource {
  return RESOURCES.facade(model, (): SDResource => {
    switch (model.kind) {
      case 'SDResourceFolder':
        return new SDResourceFolder();
      case 'SDSBSCompGraph':
        return new SDSBSCompGraph();
      case 'SDSBSFunctionGraph':
        return new SDSBSFunctionGraph();
      case 'SDResourceBitmap':
        return new SDResourceBitmap();
    }
  });
}

/** @internal The API object of a graph. */
export function graphFacade(model: GraphModel): SDSBSCompGraph | SDSBSFunctionGraph {
  return resourceFacade(model) as SDSBSCompGraph | SDSBSFunctionGraph;
}

setResourceFacadeMaker(resourceFacade);
