import * as migration_20261125_143146_initial from './20261125_143146_initial';

export const migrations = [
  {
    up: migration_20261125_143146_initial.up,
    down: migration_20261125_143146_initial.down,
    name: '20261125_143146_initial'
  },
];
