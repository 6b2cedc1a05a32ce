// Per-kind defaulting, semantic validation and create/update preparation (upstream's registry
// strategies and defaults.go). Generation is the REST storage's job, not this strategy's: it sets 1 on
// create and bumps it on spec changes. Job selectors are generated in validate(), after the uid exists.
import { BuiltinKindStrategy } from './strategy';
import type { KindStrategy } from './types';

export { BuiltinKindStrategy } from './strategy';
export { podQosClass, parseQuantity } from './qos';

export const createKindStrategy = (): KindStrategy => new BuiltinKindStrategy();
