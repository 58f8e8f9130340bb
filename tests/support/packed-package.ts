import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export interface PackedFile {
  path: string
  size: number
}

export interface PackedPackage {
  tarball: string
  files: PackedFile[]
}

/** The built parts a tarball needs; `npm test` builds them first (npm run build). */
const BUILT = ['dist/pkg/cms/plugin/index.js', 'dist/widgets/v1/widgets.js', 'dist/widgets/ssr/render.js']

/** `npm pack` of this repository (as built) into `destination`: the tarball a host installs, and its file list. */
export const packPackage = (destination: string): PackedPackage => {
  const missing = BUILT.filter((file) => !existsSync(file))
  if (missing.length) throw new Error(`the package is not built (${missing.join(', ')} missing): run npm run build:widgets && npm run build:package`)
  const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { encoding: 'utf8' })
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`)
  const [result] = JSON.parse(packed.stdout) as { filename: string; files: PackedFile[] }[]
  return { tarball: path.join(destination, result!.filename), files: result!.files }
}
