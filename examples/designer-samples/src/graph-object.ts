// Adobe's sample "Graph Objects" (designer-python-api, guides/examples/graph_object), ported line for line: a pin,
// a comment attached to a Uniform Color node, and a frame.
import * as sd from '@sigslot/sd-shim';
import {
  ColorRGBA,
  GraphGrid,
  SDGraphObjectComment,
  SDGraphObjectFrame,
  SDGraphObjectPin,
  SDSBSCompGraph,
  float2,
  type Context,
} from '@sigslot/sd-shim';

export function main(aSDContext: Context): SDSBSCompGraph {
  const cGridSize = GraphGrid.sGetFirstLevelSize();
  const sbsPackageName = 'MySample'; // Get the package name from the current python file base name

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
  // Create new Pin
  const sdGraphObjectPin = SDGraphObjectPin.sNew(sdSBSCompGraph);
  sdGraphObjectPin.setPosition(new float2(2 * cGridSize, 0));
  sdGraphObjectPin.setDescription('The Pin');

  // =========================================================================
  // Create a uniform color node
  const sdSBSCompNodeUniform = sdSBSCompGraph.newNode('sbs::compositing::uniform');

  // =========================================================================
  // Create New Comment attached on a Node
  const sdGraphObjectComment = SDGraphObjectComment.sNewAsChild(sdSBSCompNodeUniform);
  sdGraphObjectComment.setPosition(new float2(-cGridSize * 0.5, cGridSize * 0.5));
  sdGraphObjectComment.setDescription("The Uniform node's comment");

  // =========================================================================
  // Create new Frame
  const sdGraphObjectFrame = SDGraphObjectFrame.sNew(sdSBSCompGraph);
  sdGraphObjectFrame.setPosition(new float2(-cGridSize, -cGridSize));
  sdGraphObjectFrame.setTitle('The Frame Title');
  sdGraphObjectFrame.setDescription('The frame description');
  sdGraphObjectFrame.setColor(new ColorRGBA(0.2, 0.5, 0.7, 0.8));
  sdGraphObjectFrame.setSize(new float2(2 * cGridSize, 2 * cGridSize));

  // (Python returns nothing; the port returns the graph, so that a test can look at it.)
  return sdSBSCompGraph;
}

if (require.main === module) {
  main(sd.getContext());
}
