import * as migration_20261125_150752_initial from './20261125_150752_initial';
import * as migration_20261129_190802_list_index_ranges from './20261129_190802_list_index_ranges';

export const migrations = [
  {
    up: migration_20261125_150752_initial.up,
    down: migration_20261125_150752_initial.down,
    name: '20261125_150752_initial',
  },
  {
    up: migration_20261129_190802_list_index_ranges.up,
    down: migration_20261129_190802_list_index_ranges.down,
    name: '20261129_190802_list_index_ranges'
  },
];
