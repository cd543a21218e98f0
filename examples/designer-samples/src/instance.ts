// Adobe's sample "Instances" (designer-python-api, guides/examples/instance), ported line for line: a graph that
// instantiates a library graph (pattern_alveolus) and feeds a Gradient Map and a Normal node to two outputs.
import * as os from 'node:path';
import * as sd from '@sigslot/sd-shim';
import {
  ColorRGBA,
  GraphGrid,
  SDApplicationPath,
  SDPropertyCategory,
  SDSBSCompGraph,
  SDTypeStruct,
  SDTypeUsage,
  SDUsage,
  SDValueArray,
  SDValueColorRGBA,
  SDValueFloat,
  SDValueInt,
  SDValueStruct,
  SDValueUsage,
  float2,
  type Context,
} from '@sigslot/sd-shim';

export function main(aSDContext: Context): SDSBSCompGraph {
  const cGridSize = GraphGrid.sGetFirstLevelSize();
  const sbsPackageName = 'MySample'; // Get the package name from the current python file base name

  // =========================================================================
  // Create a new Package
  const sdApplication = aSDContext.getSDApplication();
  const sdPackageMgr = sdApplication.getPackageMgr();
  const sdPackage = sdPackageMgr.newUserPackage();

  // =========================================================================
  // Create a new Substance Compositing Graph in this package
  const sdSBSCompGraph = SDSBSCompGraph.sNew(sdPackage);

  //   - Set the graph identifier
  sdSBSCompGraph.setIdentifier(sbsPackageName);

  // =========================================================================
  // Create output Node BaseColor
  const sdSBSCompNodeOutputBaseColor = sdSBSCompGraph.newNode('sbs::compositing::output');
  sdSBSCompNodeOutputBaseColor.setPosition(new float2(0, -cGridSize));
  let sdValueArray = SDValueArray.sNew(SDTypeUsage.sNew(), 0);
  sdValueArray.pushBack(SDValueUsage.sNew(SDUsage.sNew('baseColor', 'RGBA', 'sRGB')));
  sdSBSCompNodeOutputBaseColor.setAnnotationPropertyValueFromId('usages', sdValueArray);

  // Create output Node Normal
  const sdSBSCompNodeOutputNormal = sdSBSCompGraph.newNode('sbs::compositing::output');
  sdSBSCompNodeOutputNormal.setPosition(new float2(0, cGridSize));
  sdValueArray = SDValueArray.sNew(SDTypeUsage.sNew(), 0);
  sdValueArray.pushBack(SDValueUsage.sNew(SDUsage.sNew('normal', 'RGBA', 'sRGB')));
  sdSBSCompNodeOutputNormal.setAnnotationPropertyValueFromId('usages', sdValueArray);

  // =========================================================================
  const sdSBSCompNodeGradient = sdSBSCompGraph.newNode('sbs::compositing::gradient');
  sdSBSCompNodeGradient.setPosition(new float2(-2 * cGridSize, -cGridSize));

  const sdTypeStructGradientKeyRGBAStructType = SDTypeStruct.sNew('sbs::compositing::gradient_key_rgba');
  // Create key 0 to Red
  const sdValueStructKey0 = SDValueStruct.sNew(sdTypeStructGradientKeyRGBAStructType);
  sdValueStructKey0.setPropertyValueFromId('value', SDValueColorRGBA.sNew(new ColorRGBA(1, 0, 0, 1)));
  sdValueStructKey0.setPropertyValueFromId('position', SDValueFloat.sNew(0));
  sdValueStructKey0.setPropertyValueFromId('midpoint', SDValueFloat.sNew(0.5));

  // Create key 1 to Green
  const sdValueStructKey1 = SDValueStruct.sNew(sdTypeStructGradientKeyRGBAStructType);
  sdValueStructKey1.setPropertyValueFromId('value', SDValueColorRGBA.sNew(new ColorRGBA(0, 1, 0, 1)));
  sdValueStructKey1.setPropertyValueFromId('position', SDValueFloat.sNew(0.5));
  sdValueStructKey1.setPropertyValueFromId('midpoint', SDValueFloat.sNew(0.5));

  // Create key 2 to Blue
  const sdValueStructKey2 = SDValueStruct.sNew(sdTypeStructGradientKeyRGBAStructType);
  sdValueStructKey2.setPropertyValueFromId('value', SDValueColorRGBA.sNew(new ColorRGBA(0, 0, 1, 1)));
  sdValueStructKey2.setPropertyValueFromId('position', SDValueFloat.sNew(1));
  sdValueStructKey2.setPropertyValueFromId('midpoint', SDValueFloat.sNew(0.5));

  // Create array of keys
  sdValueArray = SDValueArray.sNew(sdTypeStructGradientKeyRGBAStructType, 0);
  sdValueArray.pushBack(sdValueStructKey0);
  sdValueArray.pushBack(sdValueStructKey1);
  sdValueArray.pushBack(sdValueStructKey2);

  // Set the key array to the node property
  sdSBSCompNodeGradient.setInputPropertyValueFromId('gradientrgba', sdValueArray);
  sdSBSCompNodeGradient.newPropertyConnectionFromId(
    'unique_filter_output',
    sdSBSCompNodeOutputBaseColor,
    'inputNodeOutput',
  );

  // =========================================================================
  const sdSBSCompNodeNormal = sdSBSCompGraph.newNode('sbs::compositing::normal');
  sdSBSCompNodeNormal.setPosition(new float2(-2 * cGridSize, cGridSize));
  sdSBSCompNodeNormal.newPropertyConnectionFromId('unique_filter_output', sdSBSCompNodeOutputNormal, 'inputNodeOutput');

  // =========================================================================
  const resourcePath = sdApplication.getPath(SDApplicationPath.DefaultResourcesDir);
  const sdPackageAlveolus = sdPackageMgr.loadUserPackage(
    os.join(resourcePath, 'packages', 'pattern_alveolus.sbs'),
    true,
  );
  const sdSBSCompNodeInstanceAlveolus = sdSBSCompGraph.newInstanceNode(
    sdPackageAlveolus.findResourceFromUrl('alveolus')!,
  );
  sdSBSCompNodeInstanceAlveolus.setPosition(new float2(-4 * cGridSize, 0));
  sdSBSCompNodeInstanceAlveolus.setInputPropertyValueFromId('Tiling', SDValueInt.sNew(5));
  // Python indexes the SDArray (`[0]`); JavaScript has no index operator to overload: getItem(0).
  const sdSBSCompNodeInstanceAlveolusFirstOutputProperty = sdSBSCompNodeInstanceAlveolus
    .getProperties(SDPropertyCategory.Output)
    .getItem(0);
  const sdSBSCompNodeInstanceAlveolusFirstOutputPropertyId = sdSBSCompNodeInstanceAlveolusFirstOutputProperty.getId();
  sdSBSCompNodeInstanceAlveolus.newPropertyConnectionFromId(
    sdSBSCompNodeInstanceAlveolusFirstOutputPropertyId,
    sdSBSCompNodeGradient,
    'input1',
  );
  sdSBSCompNodeInstanceAlveolus.newPropertyConnectionFromId(
    sdSBSCompNodeInstanceAlveolusFirstOutputPropertyId,
    sdSBSCompNodeNormal,
    'input1',
  );

  // (Python returns nothing; the port returns the graph, so that a test can look at it.)
  return sdSBSCompGraph;
}

if (require.main === module) {
  main(sd.getContext());
}
