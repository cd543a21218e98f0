/** One member of an enum type: its id (`multiply`), label and integer value. */
export interface EnumMember {
  /** The value id used by `SDValueEnum.sFromValueId`. */
  readonly id: string;
  /** The label Designer shows. */
  readonly label: string;
  /** The stored integer (what `SDValueEnum.get()` returns). */
  readonly value: number;
}

/** An enum type: its id and members. */
export interface EnumType {
  /** E.g. `sbs::compositing::blendingmode`. */
  readonly id: string;
  /** Its members, in order. */
  readonly members: readonly EnumMember[];
}

function members(...entries: [id: string, label: string][]): EnumMember[] {
  return entries.map(([id, label], value) => ({ id, label, value }));
}

/**
 * The enum types the built-in node library uses. Ids and member ids follow Designer's naming; the integer
 * values are the mock's (documented in the README).
 */
export const ENUM_TYPES: ReadonlyMap<string, EnumType> = new Map(
  [
    {
      id: 'sbs::compositing::format',
      members: members(
        ['8_bits_per_channel', '8 bits per channel'],
        ['16_bits_per_channel', '16 bits per channel'],
        ['hdr_medium_precision', 'HDR medium precision (16F)'],
        ['hdr_high_precision', 'HDR high precision (32F)'],
      ),
    },
    {
      id: 'sbs::compositing::blendingmode',
      members: members(
        ['copy', 'Copy'],
        ['add', 'Add (Linear Dodge)'],
        ['subtract', 'Subtract'],
        ['multiply', 'Multiply'],
        ['add_sub', 'Add Sub'],
        ['max', 'Max (Lighten)'],
        ['min', 'Min (Darken)'],
        ['switch', 'Switch'],
        ['divide', 'Divide'],
        ['overlay', 'Overlay'],
        ['screen', 'Screen'],
        ['soft_light', 'Soft Light'],
      ),
    },
    {
      id: 'sbs::compositing::blurquality',
      members: members(['normal', 'Normal'], ['high', 'High']),
    },
    {
      id: 'sbs::compositing::pixelratio',
      members: members(['square', 'Square'], ['stretch', 'Stretch']),
    },
    {
      id: 'sbs::compositing::tiling',
      members: members(
        ['no_tiling', 'No Tiling'],
        ['h_tiling', 'Horizontal Tiling'],
        ['v_tiling', 'Vertical Tiling'],
        ['hv_tiling', 'Horizontal and Vertical Tiling'],
      ),
    },
  ].map((type) => [type.id, type] as const),
);

/** The member of enum `enumId` with integer `value`, or undefined. */
export function enumMemberByValue(enumId: string, value: number): EnumMember | undefined {
  return ENUM_TYPES.get(enumId)?.members.find((m) => m.value === value);
}
