/**
 * `@sigslot/sd-shim`: a working mock of the Substance 3D Designer Python API (`sd`, `sd.api`), with
 * Designer's class and method names, real in-memory state, real package files, and a thread check on every
 * call: from any thread but the main one, a call raises an `AffinityError` (or is recorded, under the
 * `'record'` policy). Jest matchers live in `@sigslot/sd-shim/jest`.
 * @packageDocumentation
 */

// The Designer API and the Qt GUI it hands out: every class, made main-thread-only in one place
export * from './guarded-api';

// Application constants
export { SDApplicationPath, DESIGNER_VERSION } from './app/sd-application-path';
export type { Callback, CallbackKind, CallbackSignatures } from './app/callback-registry';
export type { LogRecord } from './app/runtime-log-handler';

// Package files
export { MemoryFileSystem } from './package/file-system';
export type { SbsFileSystem } from './package/file-system';
export { SBS_FORMAT, SBS_FORMAT_VERSION } from './package/package-document';
export type {
  PackageDocument,
  ResourceDocument,
  GraphDocument,
  FolderDocument,
  NodeDocument,
  ConnectionDocument,
  PropertiesDocument,
  BitmapDocument,
  GraphInputDocument,
  GraphObjectDocument,
  InheritanceName,
} from './package/package-document';

// Enumerations and data (plain values, usable on any thread, as Designer's sdbasetypes are)
export { SDPropertyCategory } from './graph/sd-property-category';
export { DockWidgetArea } from './ui/q-main-window';
export { EmbedMethod } from './package/resource-model';
export { SDPropertyInheritanceMethod } from './graph/sd-property-inheritance-method';
export { NODE_LIBRARY, INSTANCE_ID } from './graph/node-library';
export type { NodeDefinition, GraphFamily, NodeRole } from './graph/node-library';
export type { PropertyDef } from './graph/property-def';
export { ENUM_TYPES } from './values/enum-types';
export type { EnumType, EnumMember } from './values/enum-types';
export type { ValueData, ValueKind, TypeRef, VectorKind } from './values/value-data';
export { float2, float3, float4, int2, int3, int4 } from './basetypes/vectors';
export { ColorRGBA } from './basetypes/color-rgba';

// Errors
export { APIException } from './errors/api-exception';
export { SDApiError } from './errors/sd-api-error';

// Tests and affinity
export { resetDesigner, sdShim } from './state/sd-shim';
export { DESIGNER_GUARD, DESIGNER_FIX, QT_GUI_GUARD } from './affinity/designer-guard';
export { UNIDENTIFIED_WORKER, VIOLATION_CHANNEL } from './affinity/violation-channel';
export { affinity, AffinityError, SigslotError } from '@sigslot/core';
export type { AffinityPolicy, AffinityViolation } from '@sigslot/core';
