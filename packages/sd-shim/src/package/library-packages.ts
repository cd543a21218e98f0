import { DESIGNER_PATHS, SDApplicationPath } from '../app/sd-application-path';
import { GraphModel } from '../graph/graph-model';
import { parseType, valueOf } from '../graph/data/library-data';
import { SDPropertyCategory } from '../graph/sd-property-category';
import library from './data/library-packages.json';
import { samePath } from './file-path';
import type { PackageModel } from './package-model';

type LibraryPackage = (typeof library.packages)[number];

/** The library package whose file is `path` (under the default packages folder), if the mock provides it. */
export function libraryPackageAt(path: string): LibraryPackage | undefined {
  const folder = DESIGNER_PATHS[SDApplicationPath.DefaultPackagesDir];
  return library.packages.find((entry) => samePath(`${folder}/${entry.file}`, path));
}

/** Fills `pkg` with the graphs of library package `entry`: each with its input parameters and named output nodes. */
export function buildLibraryPackage(pkg: PackageModel, entry: LibraryPackage): void {
  const call = `loadUserPackage(${entry.file})`;
  for (const spec of entry.graphs) {
    const graph = new GraphModel('SDSBSCompGraph', spec.identifier, pkg);
    pkg.children.push(graph);
    for (const [id, type, value] of spec.parameters as [string, string, unknown][]) {
      const def = graph.newProperty(call, id, parseType(type).type);
      graph.values.set(call, def, valueOf(def.type, value, `${entry.file}: ${id}`));
    }
    for (const identifier of spec.outputs) {
      const output = graph.newNode(call, 'sbs::compositing::output');
      output.values.set(call, output.values.find('identifier', SDPropertyCategory.Annotation)!, {
        kind: 'string',
        value: identifier,
      });
    }
  }
}
