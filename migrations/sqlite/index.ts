import * as migration_20261125_150735_initial from './20261125_150735_initial';
import * as migration_20261129_191726_view_days from './20261129_191726_view_days';

export const migrations = [
  {
    up: migration_20261125_150735_initial.up,
    down: migration_20261125_150735_initial.down,
    name: '20261125_150735_initial',
  },
  {
    up: migration_20261129_191726_view_days.up,
    down: migration_20261129_191726_view_days.down,
    name: '20261129_191726_view_days'
  },
];
