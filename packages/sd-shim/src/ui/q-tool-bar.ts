import { QAction } from './q-action';
import { QWidget } from './q-widget';

/** A tool bar, as PySide's `QToolBar`: actions in a row. The main window and graph views take them. */
export class QToolBar extends QWidget {
  readonly #actions: QAction[] = [];

  /** Makes a tool bar titled `title`. */
  constructor(title = '', objectName = '') {
    super(objectName, title);
  }

  /** Adds an action: a new one with text `textOrAction`, or the given one. Returns the action. */
  addAction(textOrAction: string | QAction): QAction {
    const action = typeof textOrAction === 'string' ? new QAction(textOrAction, this) : textOrAction;
    this.#actions.push(action);
    return action;
  }

  /** Its actions, in order. */
  actions(): QAction[] {
    return [...this.#actions];
  }
}
