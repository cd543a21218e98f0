import { PACKAGES, RESOURCES } from '../base/bindings';
import { describeValue } from '../base/binding';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';
import { FolderModel, type ResourceContainer } from './resource-model';

/**
 * The package or folder behind the `parent` argument of an `sNew()`. Raises `InvalidArgument` unless it is
 * a user package or a folder, `NotSupported` for a system package.
 */
export function containerArg(parent: unknown, call: string): ResourceContainer {
  if (PACKAGES.owns(parent)) {
    const pkg = PACKAGES.arg(parent, call, 'parent');
    if (pkg.system)
      throw new APIException(
        SDApiError.NotSupported,
        `${call}: the ${pkg.describe()} ships with Designer and cannot be changed`,
      );
    return pkg;
  }
  if (RESOURCES.owns(parent)) {
    const resource = RESOURCES.arg(parent, call, 'parent');
    if (resource instanceof FolderModel) return resource;
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: parent must be an SDPackage or an SDResourceFolder, got the ${resource.describe()}`,
    );
  }
  throw new APIException(
    SDApiError.InvalidArgument,
    `${call}: parent must be an SDPackage or an SDResourceFolder, got ${describeValue(parent)}`,
  );
}
