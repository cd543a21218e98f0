// Adobe's sample "Parameter controled by a function" (designer-python-api, guides/examples/parameters), ported line
// for line: a Uniform Color node whose color is the output of a function graph (a constant green).
import * as sd from '@sigslot/sd-shim';
import {
  GraphGrid,
  SDPropertyCategory,
  SDSBSCompGraph,
  SDSBSFunctionGraph,
  SDValueFloat4,
  float2,
  float4,
  type Context,
} from '@sigslot/sd-shim';

export function main(aSDContext: Context): SDSBSCompGraph {
  const cGridSize = GraphGrid.sGetFirstLevelSize();
  const sbsPackageName = 'MySample';

  // =========================================================================
  // Create a new Package
  const sdPackageMgr = aSDContext.getSDApplication().getPackageMgr();
  const sdPackage = sdPackageMgr.newUserPackage();

  // =========================================================================
  // Create a new Substance Compositing Graph in this package
  const sdSBSCompGraph = SDSBSCompGraph.sNew(sdPackage);

  //   - Set the graph identifier
  sdSBSCompGraph.setIdentifier(sbsPackageName);

  // =========================================================================
  // Create a uniform color node
  const sdSBSCompNodeUniform = sdSBSCompGraph.newNode('sbs::compositing::uniform');
  sdSBSCompNodeUniform.setPosition(new float2(-2 * cGridSize, cGridSize));

  //   - Get the input property that controls the output color
  const uniformNodePropertyOutputColor = sdSBSCompNodeUniform.getPropertyFromId(
    'outputcolor',
    SDPropertyCategory.Input,
  )!;

  //   - Create a new property graph of type SDSBSFunctionGraph
  const propertySBSFunctionGraph = sdSBSCompNodeUniform.newPropertyGraph(
    uniformNodePropertyOutputColor,
    'SDSBSFunctionGraph',
  ) as SDSBSFunctionGraph;

  //   - Fill the property function. Here create a simple constant node that will return a green value
  const float4ConstantNode = propertySBSFunctionGraph.newNode('sbs::function::const_float4');
  float4ConstantNode.setInputPropertyValueFromId('__constant__', SDValueFloat4.sNew(new float4(0, 1, 0, 1)));

  // Set the constant node as output of the property's SBSFunctionGraph
  propertySBSFunctionGraph.setOutputNode(float4ConstantNode, true);

  // (Python returns nothing; the port returns the graph, so that a test can look at it.)
  return sdSBSCompGraph;
}

if (require.main === module) {
  main(sd.getContext());
}
