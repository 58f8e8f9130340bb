/** The plugin's server components, as the host's import map names them (`<componentsPath>/rsc#NewsroomDashboard`). */
export { NewsroomDashboard } from './dashboard/NewsroomDashboard'
export { EmbedBuilderView } from './embed/EmbedBuilderView'
export { RegionProvinceFilter } from './region-list/RegionProvinceFilter'
