/*
 * The classes of the Designer API and of the Qt GUI it hands out: everything exported here is made
 * main-thread-only in one place (guarded-api.ts), with every class of its prototype chain and its static
 * methods. A class whose objects the API returns belongs here; its base classes are guarded with it.
 */

// Entry point and application
export { Context } from './app/context';
export { SDApplication } from './app/sd-application';
export { RuntimeLogHandler } from './app/runtime-log-handler';

// Packages and resources
export { SDPackageMgr } from './package/sd-package-mgr';
export { SDPackage } from './package/sd-package';
export { SDResource } from './package/sd-resource';
export { SDResourceFolder } from './package/sd-resource-folder';
export { SDResourceBitmap } from './package/sd-resource-bitmap';

// Graphs, nodes, properties, connections
export { SDGraph } from './graph/sd-graph';
export { SDSBSCompGraph } from './graph/sd-sbs-comp-graph';
export { SDSBSFunctionGraph } from './graph/sd-sbs-function-graph';
export { SDNode } from './graph/sd-node';
export { SDSBSCompNode } from './graph/sd-sbs-comp-node';
export { SDSBSFunctionNode } from './graph/sd-sbs-function-node';
export { SDDefinition } from './graph/sd-definition';
export { SDProperty } from './graph/sd-property';
export { SDConnection } from './graph/sd-connection';
export { SDGraphObject } from './graph/objects/sd-graph-object';
export { SDGraphObjectPin, SDGraphObjectComment, SDGraphObjectFrame } from './graph/objects/graph-object-classes';

// Values and types
export { SDValue } from './values/sd-value';
export { SDValueBool, SDValueInt, SDValueFloat, SDValueString } from './values/scalar-values';
export {
  SDValueFloat2,
  SDValueFloat3,
  SDValueFloat4,
  SDValueInt2,
  SDValueInt3,
  SDValueInt4,
  SDValueColorRGBA,
} from './values/vector-values';
export { SDValueEnum } from './values/sd-value-enum';
export { SDValueArray } from './values/sd-value-array';
export { SDValueStruct } from './values/sd-value-struct';
export { SDValueTexture } from './values/sd-value-texture';
export { SDTexture } from './values/sd-texture';
export { SDTypeStruct } from './values/sd-type-struct';
export { SDUsage, SDValueUsage } from './values/sd-usage';
export {
  SDType,
  SDTypeBool,
  SDTypeInt,
  SDTypeInt2,
  SDTypeInt3,
  SDTypeInt4,
  SDTypeFloat,
  SDTypeFloat2,
  SDTypeFloat3,
  SDTypeFloat4,
  SDTypeString,
  SDTypeColorRGBA,
  SDTypeUsage,
  SDTypeTexture,
  SDTypeEnum,
  SDTypeArray,
} from './values/sd-type';
export { SDArray } from './base/sd-array';
export { SDMetadataDict } from './metadata/sd-metadata-dict';
export { SDHistoryUtils, UndoGroup } from './history/sd-history-utils';
export { SDAPIObject } from './base/sd-api-object';

// UI
export { QtForPythonUIMgrWrapper } from './ui/qt-for-python-ui-mgr';
export { SDUIMgr } from './ui/sd-ui-mgr';
export { QMenu } from './ui/q-menu';
export { QAction } from './ui/q-action';
export { QWidget } from './ui/q-widget';
export { QMainWindow, QMenuBar } from './ui/q-main-window';
export { QToolBar } from './ui/q-tool-bar';
export { GraphGrid } from './ui/graph-grid';
