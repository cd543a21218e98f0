// The size-limit entry for "all of @sigslot/core and @sigslot/thread in a browser bundle" (.size-limit.json): every
// export of both, resolved as a bundler would, through the packages' `browser` condition.
export * from '@sigslot/core';
export * from '@sigslot/thread';
