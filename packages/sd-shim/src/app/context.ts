import { SDAPIObject } from '../base/sd-api-object';
import { SDApplication } from './sd-application';
import { RuntimeLogHandler } from './runtime-log-handler';

let application: SDApplication | null = null;
let context: Context | null = null;

/** The API's entry point (`sd.context.Context`): `getContext().getSDApplication()`. */
export class Context extends SDAPIObject {
  /** @internal Use {@link getContext}. */
  constructor() {
    super();
  }

  /** A handler that writes to Designer's console (see {@link RuntimeLogHandler}). */
  createRuntimeLogHandler(): RuntimeLogHandler {
    return new RuntimeLogHandler();
  }

  /** The application. */
  getSDApplication(): SDApplication {
    return (application ??= new SDApplication());
  }
}

/**
 * The context (`sd.getContext()`), made the first time it is requested. The same object for the whole
 * program: `resetDesigner()` empties Designer's state, not the context.
 */
export function getContext(): Context {
  return (context ??= new Context());
}
