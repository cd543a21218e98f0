/** The folders `SDApplication.getPath()` knows (`sd.api.sdapplication.SDApplicationPath`). */
export enum SDApplicationPath {
  /** Designer's resources folder (Adobe's samples use it). */
  DefaultResourcesDir = 0,
  /** The library packages' folder, inside the resources. */
  DefaultPackagesDir = 1,
}

/** The mock's Designer version, returned by `SDApplication.getVersion()`. */
export const DESIGNER_VERSION = '14.1.0';

/** The mock's folders: not real folders on disk, stable strings for tests. */
export const DESIGNER_PATHS: Readonly<Record<SDApplicationPath, string>> = {
  [SDApplicationPath.DefaultResourcesDir]: '/designer/resources',
  [SDApplicationPath.DefaultPackagesDir]: '/designer/resources/packages',
};
