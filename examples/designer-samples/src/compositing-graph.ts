// Adobe's sample "Substance compositing graph creation" (designer-python-api, guides/examples/compositing_graph),
// ported line for line: two Uniform Color nodes, a noise (an instance of grunge_rust_fine), a Blend and an Output.
import * as os from 'node:path';
import * as sd from '@sigslot/sd-shim';
import {
  ColorRGBA,
  GraphGrid,
  SDApplicationPath,
  SDPropertyInheritanceMethod,
  SDSBSCompGraph,
  SDTypeUsage,
  SDUsage,
  SDValueArray,
  SDValueColorRGBA,
  SDValueEnum,
  SDValueUsage,
  float2,
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
  const sdSBSCompNodeUniform1 = sdSBSCompGraph.newNode('sbs::compositing::uniform');

  //   - Set the position of the uniform node
  sdSBSCompNodeUniform1.setPosition(new float2(-2 * cGridSize, -2 * cGridSize));

  //   - Set the inheritance mode of the '$format' property to absolute
  sdSBSCompNodeUniform1.setInputPropertyInheritanceMethodFromId('$format', SDPropertyInheritanceMethod.Absolute);

  //   - Change the Output format of the '$format' property to 'hdr_high_precision'
  sdSBSCompNodeUniform1.setInputPropertyValueFromId(
    '$format',
    SDValueEnum.sFromValueId('sbs::compositing::format', 'hdr_high_precision'),
  );

  //   - Change the color property of this node
  //       - Create the value color. The SDValueColorRGBA embeds the base type value of type ColorRGBA
  let sdValueColorRGBA = SDValueColorRGBA.sNew(new ColorRGBA(0.8, 0.35, 0.0, 1.0));
  //       - Set the color value to the 'outputcolor' input property of the node
  sdSBSCompNodeUniform1.setInputPropertyValueFromId('outputcolor', sdValueColorRGBA);

  // =========================================================================
  // Create a second uniform color node
  const sdSBSCompNodeUniform2 = sdSBSCompGraph.newNode('sbs::compositing::uniform');

  //   - Set the position of the uniform node
  sdSBSCompNodeUniform2.setPosition(new float2(-2 * cGridSize, 0));

  //   - Set the inheritance mode of the '$format' property to absolute
  sdSBSCompNodeUniform2.setInputPropertyInheritanceMethodFromId('$format', SDPropertyInheritanceMethod.Absolute);

  //   - Change the Output format of the '$format' property to 'hdr_high_precision'
  sdSBSCompNodeUniform2.setInputPropertyValueFromId(
    '$format',
    SDValueEnum.sFromValueId('sbs::compositing::format', 'hdr_high_precision'),
  );

  //   - Change the color property of this node
  //       - Create the value color. The SDValueColorRGBA embeds the base type value of type ColorRGBA
  sdValueColorRGBA = SDValueColorRGBA.sNew(new ColorRGBA(0.8, 0.8, 0.0, 1.0));
  //       - Set the color value to the 'outputcolor' input property of the node
  sdSBSCompNodeUniform2.setInputPropertyValueFromId('outputcolor', sdValueColorRGBA);

  // =========================================================================
  // Create a noise node
  const resourcePath = aSDContext.getSDApplication().getPath(SDApplicationPath.DefaultResourcesDir);
  const sdPackageNoise = sdPackageMgr.loadUserPackage(os.join(resourcePath, 'packages', 'grunge_rust_fine.sbs'), true);
  const sdSBSCompNodeNoise = sdSBSCompGraph.newInstanceNode(sdPackageNoise.findResourceFromUrl('grunge_rust_fine')!);
  //   - Set the position of the noise node
  sdSBSCompNodeNoise.setPosition(new float2(-2 * cGridSize, 2 * cGridSize));

  // =========================================================================
  // Create a blend Node
  const sdSBSCompNodeBlend = sdSBSCompGraph.newNode('sbs::compositing::blend');
  //   - Set the position of the blend node
  sdSBSCompNodeBlend.setPosition(new float2(0, 0));

  // =========================================================================
  // Create an output Node
  const sdSBSCompNodeOutput = sdSBSCompGraph.newNode('sbs::compositing::output');
  //   - Set the position of the output node
  sdSBSCompNodeOutput.setPosition(new float2(2 * cGridSize, 0));
  //   - Add one usage 'baseColor' to the output node
  //       The usages of an output (or input node) are define from/to an array.
  //       - Create an array value of usages (of undefined size)
  const sdValueArray = SDValueArray.sNew(SDTypeUsage.sNew(), 0);
  //       - Create an usage value that embed the usage to add to the node
  const sdValueUsage = SDValueUsage.sNew(SDUsage.sNew('baseColor', 'RGBA', 'sRGB'));
  //       - Add the usage value to the array
  sdValueArray.pushBack(sdValueUsage);
  //       - Set the value array to the 'usages' annotation of the output node
  sdSBSCompNodeOutput.setAnnotationPropertyValueFromId('usages', sdValueArray);

  // =========================================================================
  // Create connections
  //   - Connect the first uniform node to the Blend node
  //       - 'unique_filter_output': The identifier of the output property of the Uniform Node.
  //       - 'sdSBSCompNodeBlend': This is the other Node to connect
  //       - 'source': This is the input property of the other Node
  sdSBSCompNodeUniform1.newPropertyConnectionFromId('unique_filter_output', sdSBSCompNodeBlend, 'source');

  //   - Connect the second Uniform node to the Blend node
  //       - 'destination': This is the input property of the other Node
  sdSBSCompNodeUniform2.newPropertyConnectionFromId('unique_filter_output', sdSBSCompNodeBlend, 'destination');

  //   - Connect the Noise node to the Blend node
  //       - 'output': The identifier of the output property of the Node.
  //       - 'opacity': This is the input property of the other Node
  sdSBSCompNodeNoise.newPropertyConnectionFromId('output', sdSBSCompNodeBlend, 'opacity');

  //   - Connect the Blend node to the output node
  //       - 'inputNodeOutput': This is the input property of the other Node
  sdSBSCompNodeBlend.newPropertyConnectionFromId('unique_filter_output', sdSBSCompNodeOutput, 'inputNodeOutput');

  // (Python returns nothing; the port returns the graph, so that a test can look at it.)
  return sdSBSCompGraph;
}

if (require.main === module) {
  main(sd.getContext());
}
