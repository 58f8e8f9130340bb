import * as migration_20261125_150752_initial from './20261125_150752_initial';

export const migrations = [
  {
    up: migration_20261125_150752_initial.up,
    down: migration_20261125_150752_initial.down,
    name: '20261125_150752_initial'
  },
];
