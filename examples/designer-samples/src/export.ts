// `sd.tools.export.exportSDGraphOutputs`, the export helper Adobe ships with Designer, ported line for line. The
// program at the bottom builds Adobe's compositing sample and exports its outputs to the folder it is given.
import * as os from 'node:path';
import * as sd from '@sigslot/sd-shim';
import { APIException, SDPropertyCategory, SDSBSCompGraph, type SDGraph, type SDTexture } from '@sigslot/sd-shim';
import { main as compositingGraph } from './compositing-graph';

/**
 * Export the textures of the output node of the specified sSDGraph
 * @param aSDGraph The graph that contains the outputs to export
 * @param aOutputDir The output directory used to save the output's images
 * @returns True if succeed else False
 */
export function exportSDGraphOutputs(aSDGraph: SDGraph | null, aOutputDir = '', aFileExt = 'png'): boolean {
  if (!aSDGraph) {
    return false;
  }

  if (!(aSDGraph instanceof SDSBSCompGraph)) {
    return false;
  }

  // Compute the SDSBSCompGraph so that all node's textures are computed
  aSDGraph.compute();

  // Get some information on the graph
  const graphIdentifier = aSDGraph.getIdentifier();

  // Iterate on nodes
  let nodeIndex = -1;
  for (const sdNode of aSDGraph.getOutputNodes()) {
    nodeIndex = nodeIndex + 1;

    const nodeDefinition = sdNode.getDefinition();
    const outputProperties = nodeDefinition.getProperties(SDPropertyCategory.Output);
    for (const outputProperty of outputProperties) {
      // Get the property value
      const propertyValue = sdNode.getPropertyValue(outputProperty);

      // Get the property value as texture (Python would raise on a None value; `?.` skips it like an empty texture)
      const propertyTexture = propertyValue?.get() as SDTexture | undefined;
      if (!propertyTexture) {
        continue;
      }

      // Save the texture on disk
      const fileExt = aFileExt;
      const fileName = String(graphIdentifier) + '_output_' + String(nodeIndex) + '.' + String(fileExt);
      const textureFileName = os.resolve(os.join(aOutputDir, fileName));

      try {
        propertyTexture.save(textureFileName);
      } catch (error) {
        if (!(error instanceof APIException)) throw error;
        console.log(`Fail to save texture ${textureFileName}`);
      }
    }
  }

  return true;
}

if (require.main === module) {
  const outputDir = process.argv[2] ?? '.';
  const graph = compositingGraph(sd.getContext());
  console.log(
    exportSDGraphOutputs(graph, outputDir)
      ? `exported the outputs of ${graph.getIdentifier()} to ${outputDir}`
      : 'export failed',
  );
}
