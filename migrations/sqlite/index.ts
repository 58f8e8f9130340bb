import * as migration_20261125_150735_initial from './20261125_150735_initial';

export const migrations = [
  {
    up: migration_20261125_150735_initial.up,
    down: migration_20261125_150735_initial.down,
    name: '20261125_150735_initial'
  },
];
