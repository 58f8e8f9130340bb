let queued: (() => void)[] | undefined

/**
 * Runs `fn` just after the next frame has been painted, batched for everything queued before that frame.
 * A hidden tab paints no frames: a timer runs the batch anyway.
 */
export function afterPaint(fn: () => void) {
  if (!queued) {
    const batch: (() => void)[] = (queued = [])
    let ran = false
    const run = () => {
      if (ran) return
      ran = true
      if (queued === batch) queued = undefined
      for (const f of batch) f()
    }
    requestAnimationFrame(() => setTimeout(run))
    setTimeout(run, 100)
  }
  queued.push(fn)
}
