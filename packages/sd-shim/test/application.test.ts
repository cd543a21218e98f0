import {
  APIException,
  Context,
  DESIGNER_VERSION,
  SDApiError,
  SDApplication,
  SDApplicationPath,
  SDPackageMgr,
  SDUIMgr,
  QtForPythonUIMgrWrapper,
  SigslotError,
  getContext,
  resetDesigner,
  sdShim,
} from '@sigslot/sd-shim';
import { apiError, codeOf } from './helpers';

beforeEach(() => resetDesigner());

const app = () => getContext().getSDApplication();

describe('the context and the application', () => {
  test('getContext() returns one context, whose application and managers are the same objects on every call', () => {
    expect(getContext()).toBeInstanceOf(Context);
    expect(getContext()).toBe(getContext());
    expect(app()).toBeInstanceOf(SDApplication);
    expect(app()).toBe(getContext().getSDApplication());
    expect(app().getPackageMgr()).toBeInstanceOf(SDPackageMgr);
    expect(app().getPackageMgr()).toBe(app().getPackageMgr());
    expect(app().getUIMgr()).toBeInstanceOf(SDUIMgr);
    expect(app().getQtForPythonUIMgr()).toBeInstanceOf(QtForPythonUIMgrWrapper);
    expect(app().getQtForPythonUIMgr()).toBe(app().getQtForPythonUIMgr());
  });

  test('getClassName() names the Designer class', () => {
    expect(getContext().getClassName()).toBe('Context');
    expect(app().getClassName()).toBe('SDApplication');
    expect(app().getPackageMgr().getClassName()).toBe('SDPackageMgr');
  });

  test("getVersion() and getPath() return the mock's fixed strings", () => {
    expect(app().getVersion()).toBe(DESIGNER_VERSION);
    expect(app().getPath(SDApplicationPath.DefaultResourcesDir)).toBe('/designer/resources');
    expect(app().getPath(SDApplicationPath.DefaultPackagesDir)).toBe('/designer/resources/packages');
    expect(codeOf(() => app().getPath(42 as SDApplicationPath))).toBe('InvalidArgument');
  });
});

describe('callbacks', () => {
  test('ids come from one counter shared by every register call: 1, 2, 3…', () => {
    const ui = app().getQtForPythonUIMgr();
    const noop = () => undefined;
    expect(app().registerBeforeFileLoadedCallback(noop)).toBe(1);
    expect(app().registerAfterFileLoadedCallback(noop)).toBe(2);
    expect(ui.registerGraphViewCreatedCallback(noop)).toBe(3);
    expect(app().registerBeforeFileSavedCallback(noop)).toBe(4);
    expect(app().registerAfterFileSavedCallback(noop)).toBe(5);
    expect(ui.registerExplorerCreatedCallback(noop)).toBe(6);
    expect(app().registerBeforeFileClosedCallback(noop)).toBe(7);
    expect(app().registerAfterFileClosedCallback(noop)).toBe(8);
    expect(ui.registerExplorerSelectionChangedCallback(noop)).toBe(9);
    expect(sdShim.callbackCount()).toBe(9);
  });

  test('unregistering frees the callback but never reuses its id', () => {
    const id = app().registerAfterFileSavedCallback(() => undefined);
    app().unregisterCallback(id);
    expect(sdShim.callbackCount()).toBe(0);
    expect(app().registerAfterFileSavedCallback(() => undefined)).toBe(id + 1);
  });

  test('unregistering an unknown id raises APIException(InvalidArgument), as Designer does', () => {
    const error = apiError(() => app().unregisterCallback(99));
    expect(error).toBeInstanceOf(APIException);
    expect(error).toBeInstanceOf(SigslotError);
    expect(error.mErrorCode).toBe(SDApiError.InvalidArgument);
    expect(error.getErrorName()).toBe('InvalidArgument');
    expect(error.message).toBe(
      'SDApplication.unregisterCallback(): no callback with id 99 is registered with SDApplication (already unregistered, or never registered) [SDApiError.InvalidArgument]',
    );
  });

  test('unregistering twice raises the second time', () => {
    const id = app().registerBeforeFileSavedCallback(() => undefined);
    app().unregisterCallback(id);
    expect(codeOf(() => app().unregisterCallback(id))).toBe('InvalidArgument');
  });

  test('an id is unregistered by the manager that registered it', () => {
    const ui = app().getQtForPythonUIMgr();
    const id = ui.registerGraphViewCreatedCallback(() => undefined);
    expect(apiError(() => app().unregisterCallback(id)).message).toContain('(it belongs to QtForPythonUIMgrWrapper)');
    ui.unregisterCallback(id);
    expect(sdShim.callbackCount()).toBe(0);
  });

  test('registering something that is not a function raises InvalidArgument', () => {
    expect(codeOf(() => app().registerAfterFileLoadedCallback('nope' as unknown as () => void))).toBe(
      'InvalidArgument',
    );
  });

  test('a callback that throws is reported with console.error and does not stop the others', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    app().registerBeforeFileClosedCallback(() => {
      throw new Error('boom');
    });
    app().registerBeforeFileClosedCallback((filePath) => seen.push(`closed ${filePath}`));
    const mgr = app().getPackageMgr();
    mgr.unloadUserPackage(mgr.newUserPackage());
    expect(seen).toEqual(['closed ']);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toContain('the BeforeFileClosed callback #1 raised an error');
    error.mockRestore();
  });

  test('APIException without detail shows the code alone', () => {
    expect(new APIException(SDApiError.NotSupported).message).toBe('SDApiError.NotSupported');
    expect(new APIException(99 as SDApiError).getErrorName()).toBe('SDApiError(99)');
  });
});
