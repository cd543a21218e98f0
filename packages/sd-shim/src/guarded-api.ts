import { guardApi, guardFunction } from './affinity/designer-guard';
import { joinViolationChannel } from './affinity/violation-channel';
import { getContext as contextOf } from './app/context';
import * as api from './designer-api';

/*
 * The one place the API is made main-thread-only: every class designer-api.ts exports, its bases and its statics,
 * and the one API function, `sd.getContext()`. Loading it also joins the channel that carries violations from
 * workers that are not QThreads to the main thread.
 */
guardApi(api);
joinViolationChannel();

export * from './designer-api';

/**
 * The context (`sd.getContext()`), made the first time it is requested. The same object for the whole
 * program: `resetDesigner()` empties Designer's state, not the context. Main-thread-only, like every method.
 */
export const getContext = guardFunction('sd', 'getContext', contextOf);
