/** A class that may state its own name, as sigslot's classes do. */
interface NamedClass {
  readonly name: string;
  readonly className?: string;
}

/**
 * The name messages give a class: the `static className` it declares itself, else its `name`. sigslot's own
 * classes declare theirs, so that `error.name` and `describe()` keep saying `AffinityError` or `QTimer` after a
 * minifier has renamed the classes (the packages' browser builds are left for the application's bundler to
 * minify). A subclass that does not declare one is named by its own `name`, not by its base's `className`.
 */
export function classNameOf(cls: NamedClass): string {
  return Object.hasOwn(cls, 'className') ? cls.className! : cls.name;
}
