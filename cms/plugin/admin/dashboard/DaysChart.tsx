'use client'
import React, { useEffect, useRef } from 'react'
import type { NewsStatsResponse } from '../../../../wire/news-stats'

/**
 * Views per day as a line (uPlot). uPlot and its CSS are imported dynamically, so they load only where this chart
 * is shown (the dashboard), never with the rest of the admin. The chart is an image to assistive technology; the
 * table beside it has the figures.
 */
export const DaysChart = ({ days, label }: { days: NewsStatsResponse['days']; label: string }) => {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let chart: { destroy(): void } | undefined
    let cancelled = false
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled || !box.current) return
      const width = Math.max(280, box.current.clientWidth)
      const xs = days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000)
      chart = new UPlot(
        {
          width,
          height: 220,
          legend: { show: false },
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
          series: [{}, { label, stroke: '#2f6fdf', width: 2, fill: 'rgba(47,111,223,0.12)', points: { show: true, size: 4 } }],
          axes: [{ stroke: 'currentColor' }, { stroke: 'currentColor' }],
        },
        [xs, days.map((d) => d.views)],
        box.current,
      )
    })
    return () => {
      cancelled = true
      chart?.destroy()
    }
  }, [days, label])
  return <div ref={box} className="rn-dashboard__chart" role="img" aria-label={label} />
}
