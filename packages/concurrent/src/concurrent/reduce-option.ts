/**
 * Qt's QtConcurrent::ReduceOption: in which order a reduce sees the values. The reduce always runs one call at a
 * time on the thread that started the computation (`SequentialReduce` is always set, as in Qt).
 */
export const ReduceOption = {
  /** As the items complete (the default). */
  UnorderedReduce: 0x1,
  /** In input order. */
  OrderedReduce: 0x2,
  /** One call at a time (always). */
  SequentialReduce: 0x4,
} as const;

/** A combination of {@link ReduceOption} flags. */
export type ReduceOptions = number;
