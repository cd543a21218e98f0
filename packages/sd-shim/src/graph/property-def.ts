import { typeOfData, type TypeRef, type ValueData } from '../values/value-data';
import { SDPropertyCategory } from './sd-property-category';

/** A property as its definition declares it: shared by every node (or graph) of that definition. */
export interface PropertyDef {
  /** Its id, unique within its category: `opacitymult`, `$outputsize`, `unique_filter_output`. */
  readonly id: string;
  /** The label Designer shows. */
  readonly label: string;
  /** Annotation, Input or Output. */
  readonly category: SDPropertyCategory;
  /** The type of its value (`texture` for image ports); for a polymorphic port, the first of {@link PropertyDef.types}. */
  readonly type: TypeRef;
  /** A polymorphic function port's types (`add` takes int … float4): one per node, the first connection decides. */
  readonly types?: readonly TypeRef[];
  /** True for ports that take a connection. */
  readonly connectable: boolean;
  /** True if values cannot be set (outputs, image ports). */
  readonly readOnly: boolean;
  /** The value before anything is set, or null for ports (which hold no value). */
  readonly defaultValue: ValueData | null;
}

/** A parameter: an input that holds a value and is not connectable. */
export function parameter(
  id: string,
  label: string,
  defaultValue: ValueData,
  category = SDPropertyCategory.Input,
): PropertyDef {
  const type: TypeRef = typeOfData(defaultValue);
  return { id, label, category, type, connectable: false, readOnly: false, defaultValue };
}

/** An input port: connectable. Image ports (`texture`) hold no value; typed function inputs have a default. */
export function inputPort(
  id: string,
  label: string,
  type: TypeRef,
  defaultValue: ValueData | null = null,
): PropertyDef {
  return {
    id,
    label,
    category: SDPropertyCategory.Input,
    type,
    connectable: true,
    readOnly: type.kind === 'texture',
    defaultValue,
  };
}

/** An output port. */
export function outputPort(id: string, label: string, type: TypeRef): PropertyDef {
  return {
    id,
    label,
    category: SDPropertyCategory.Output,
    type,
    connectable: true,
    readOnly: true,
    defaultValue: null,
  };
}
