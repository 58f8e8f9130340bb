import * as migration_20261125_150735_initial from './20261125_150735_initial';
import * as migration_20261129_190751_list_index_ranges from './20261129_190751_list_index_ranges';
import * as migration_20261129_194801_view_days from './20261129_194801_view_days';
import * as migration_20261130_011410_list_entries from './20261130_011410_list_entries';

export const migrations = [
  {
    up: migration_20261125_150735_initial.up,
    down: migration_20261125_150735_initial.down,
    name: '20261125_150735_initial',
  },
  {
    up: migration_20261129_190751_list_index_ranges.up,
    down: migration_20261129_190751_list_index_ranges.down,
    name: '20261129_190751_list_index_ranges',
  },
  {
    up: migration_20261129_194801_view_days.up,
    down: migration_20261129_194801_view_days.down,
    name: '20261129_194801_view_days',
  },
  {
    up: migration_20261130_011410_list_entries.up,
    down: migration_20261130_011410_list_entries.down,
    name: '20261130_011410_list_entries'
  },
];
