/** Qt's thread priorities. JavaScript cannot set an OS thread's priority: the value is kept, not applied. */
export const Priority = {
  IdlePriority: 0,
  LowestPriority: 1,
  LowPriority: 2,
  NormalPriority: 3,
  HighPriority: 4,
  HighestPriority: 5,
  TimeCriticalPriority: 6,
  InheritPriority: 7,
} as const;

/** One of {@link Priority}'s values. */
export type Priority = (typeof Priority)[keyof typeof Priority];
