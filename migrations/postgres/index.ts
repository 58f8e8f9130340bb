import * as migration_20261125_143155_initial from './20261125_143155_initial';

export const migrations = [
  {
    up: migration_20261125_143155_initial.up,
    down: migration_20261125_143155_initial.down,
    name: '20261125_143155_initial'
  },
];
