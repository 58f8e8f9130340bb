let queued: (() => void)[] | undefined

/**
 * Runs `fn` just after the next frame has been painted, batched for everything queued before that frame.
 * A hidden tab paints no frames: a timer runs the queue anyway.
 */
export function afterPaint(fn: () => void) {
  if (!queued) {
    queued = []
    const run = () => {
      const fns = queued
      queued = undefined
      fns?.forEach((f) => f())
    }
    requestAnimationFrame(() => setTimeout(run))
    setTimeout(run, 100)
  }
  queued.push(fn)
}
