/**
 * `@sigslot/sd-shim`: a working mock of the Substance 3D Designer Python API (`sd`, `sd.api`), with
 * Designer's class and method names, real in-memory state, real package files, and a thread check on every
 * call: from any thread but the main one, a call raises an `AffinityError` (or is recorded, under the
 * `'record'` policy). Jest matchers live in `@sigslot/sd-shim/jest`.
 * @packageDocumentation
 */

// Entry point and application
export { getContext, Context } from './app/context';
export { SDApplication } from './app/sd-application';
export { SDApplicationPath, DESIGNER_VERSION } from './app/sd-application-path';
export type { Callback, CallbackKind, CallbackSignatures } from './app/callback-registry';

// Packages and resources
export { SDPackageMgr } from './package/sd-package-mgr';
export { SDPackage } from './package/sd-package';
export { SDResource } from './package/sd-resource';
export { SDResourceFolder } from './package/sd-resource-folder';
export { MemoryFileSystem } from './package/file-system';
export type { SbsFileSystem } from './package/file-system';
export { SBS_FORMAT, SBS_FORMAT_VERSION } from './package/package-file';
export type {
  PackageDocument,
  ResourceDocument,
  GraphDocument,
  FolderDocument,
  NodeDocument,
  ConnectionDocument,
  PropertiesDocument,
} from './package/package-file';

// Graphs, nodes, properties, connections
export { SDGraph } from './graph/sd-graph';
export { SDSBSCompGraph } from './graph/sd-sbs-comp-graph';
export { SDSBSFunctionGraph } from './graph/sd-sbs-function-graph';
export { SDNode } from './graph/sd-node';
export { SDNodeDefinition } from './graph/sd-node-definition';
export { SDProperty } from './graph/sd-property';
export { SDPropertyCategory } from './graph/sd-property-category';
export { SDConnection } from './graph/sd-connection';
export { NODE_LIBRARY } from './graph/node-library';
export type { NodeDefinition, GraphFamily, NodeRole } from './graph/node-library';
export type { PropertyDef } from './graph/property-def';

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
export { ENUM_TYPES } from './values/enum-types';
export type { EnumType, EnumMember } from './values/enum-types';
export type { ValueData, ValueKind, TypeRef, VectorKind } from './values/value-data';
export { float2, float3, float4, int2, int3, int4 } from './basetypes/vectors';
export { ColorRGBA } from './basetypes/color-rgba';
export { SDArray } from './base/sd-array';
export { SDAPIObject } from './base/sd-api-object';

// Errors
export { APIException } from './errors/api-exception';
export { SDApiError } from './errors/sd-api-error';

// UI
export { QtForPythonUIMgrWrapper } from './ui/qt-for-python-ui-mgr';
export { SDUIMgr } from './ui/sd-ui-mgr';
export { QMenu } from './ui/q-menu';
export { QAction } from './ui/q-action';
export { QWidget } from './ui/q-widget';

// Tests and affinity
export { resetDesigner, sdShim } from './state/sd-shim';
export { DESIGNER_GUARD, DESIGNER_FIX, QT_GUI_GUARD } from './affinity/designer-guard';
export { affinity, AffinityError, SigslotError } from '@sigslot/core';
export type { AffinityPolicy, AffinityViolation } from '@sigslot/core';
