'use client'
import { useListQuery } from '@payloadcms/ui'
import React, { useId } from 'react'
import { provinceOf, withProvince } from './province-where'
import './province-filter.css'

interface Props {
  provinces: { id: string; name: string; cities: number }[]
  /** The relationship the filter writes (`parent`). */
  field: string
  /** `option`: a province's entry, with `{name}` and `{n}` (its number of cities). */
  text: { label: string; all: string; option: string }
}

/** A labelled native select: keyboard and screen readers get the platform's own control. */
export const ProvinceFilterSelect = ({ provinces, field, text }: Props) => {
  const { query, handleWhereChange } = useListQuery()
  const id = useId()
  const value = provinceOf(query?.where, field) ?? ''
  return (
    <div className="rn-province-filter">
      <label htmlFor={id}>{text.label}</label>
      <select id={id} value={value} onChange={(e) => void handleWhereChange?.(withProvince(query?.where, field, e.target.value || undefined))}>
        <option value="">{text.all}</option>
        {provinces.map((p) => (
          <option key={p.id} value={p.id}>
            {text.option.replace('{name}', p.name).replace('{n}', String(p.cities))}
          </option>
        ))}
      </select>
    </div>
  )
}
