import { packageDocument } from './package-document';
import { PackageFileError, readPackageDocument, type PackageResolver } from './package-load';
import type { PackageModel } from './package-model';
import { documentToSbs } from './sbs-xml';
import { sbsToDocument } from './sbs-xml-read';

/*
 * Package files: a package's document (package-document.ts) written as a Designer .sbs (XML, sbs-xml.ts), and read
 * back through the same document, which is checked as untrusted input (package-load.ts).
 */

export { PackageFileError };

/** The file text of a package: Designer's XML. */
export function packageText(pkg: PackageModel): string {
  return documentToSbs(packageDocument(pkg));
}

/** Fills `pkg` (empty) from .sbs text; `resolve` finds the packages its instances refer to. */
export function readPackage(text: string, pkg: PackageModel, resolve: PackageResolver): void {
  let doc;
  try {
    doc = sbsToDocument(text);
  } catch (error) {
    throw new PackageFileError(
      `not a package the mock reads: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  readPackageDocument(doc, pkg, resolve);
}
