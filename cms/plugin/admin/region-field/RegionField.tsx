'use client'
import { FieldDescription, FieldError, FieldLabel, useConfig, useField, useTranslation } from '@payloadcms/ui'
import type { RelationshipFieldClientProps } from 'payload'
import React, { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { RegionTreeResponse } from '../../../../wire/index'
import { adminText } from '../admin-text'
import { type ChoiceGroup, createRegionLookup } from './region-groups'
import './region-field.css'

type Id = string | number
const NATIONWIDE = 'nationwide'

/** Every region's id and code, page by page (a guarded REST API may cap `limit`). */
const regionIds = async (url: string) => {
  const docs: { id: Id; code: string }[] = []
  for (let page = 1; page < 100; page++) {
    const r = await fetch(`${url}?limit=100&page=${page}&depth=0&select[code]=true`, { credentials: 'include' })
    if (!r.ok) throw new Error(String(r.status))
    const body = (await r.json()) as { docs: { id: Id; code: string }[]; hasNextPage?: boolean }
    docs.push(...body.docs)
    if (!body.hasNextPage) break
  }
  return { docs }
}

/**
 * The articles' `regions` field: the widgets' search (汉字, pinyin, initials), results grouped by province, chips.
 * The value stays Payload's relationship (region ids), so REST, access, versions and drafts are untouched; names and
 * codes come from the public region tree, ids from Payload's REST API (code ↔ id).
 */
export const RegionField: React.FC<RelationshipFieldClientProps> = ({ field, path: pathFromProps, readOnly }) => {
  const path = pathFromProps ?? field.name
  const { value, setValue, showError, errorMessage } = useField<Id[] | null>({ path })
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const text = adminText(lang)
  const relationTo = String(field.relationTo)
  const api = `${config.serverURL ?? ''}${config.routes.api}`

  const [tree, setTree] = useState<RegionTreeResponse>()
  const [codeOfId, setCodeOfId] = useState<Map<string, string>>()
  // Ids as Payload's REST API gives them (numbers on SQL, strings on MongoDB): stored unchanged.
  const [rawIds, setRawIds] = useState<Map<string, Id>>(new Map())
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    Promise.all([
      fetch(`${api}/news/regions?locale=${lang}`).then((r) => (r.ok ? r.json() : Promise.reject(r.status))),
      regionIds(`${api}/${relationTo}`),
    ])
      .then(([regions, ids]: [RegionTreeResponse, { docs: { id: Id; code: string }[] }]) => {
        if (!live) return
        setTree(regions)
        setCodeOfId(new Map(ids.docs.map((d) => [String(d.id), d.code])))
        setRawIds(new Map(ids.docs.map((d) => [String(d.id), d.id])))
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [api, lang, relationTo])

  const lookup = useMemo(() => (tree ? createRegionLookup(tree) : undefined), [tree])
  const idOfCode = useMemo(() => new Map([...(codeOfId ?? [])].map(([id, code]) => [code, id])), [codeOfId])
  const selected = (Array.isArray(value) ? value : []).map((v) => String(typeof v === 'object' && v ? (v as { id: Id }).id : v))

  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const groups: ChoiceGroup[] = useMemo(() => (lookup && open ? lookup.groups(query) : []), [lookup, open, query])
  // Options in display order: "nationwide" first, then each group's choices.
  const flat = useMemo(() => [NATIONWIDE, ...groups.flatMap((g) => g.choices.map((c) => c.code))], [groups])
  // With a query the best match is active (Enter takes it); without one, "nationwide" leads.
  useEffect(() => setActive(query.trim() ? 1 : 0), [query])

  const baseId = useId().replace(/:/g, '')
  const inputId = `field-${path.replace(/\./g, '__')}`
  const listId = `${baseId}-list`
  const optionId = (code: string) => `${baseId}-opt-${code}`
  const listRef = useRef<HTMLDivElement>(null)
  const activeCode = open ? flat[Math.min(active, flat.length - 1)] : undefined
  useEffect(() => {
    if (activeCode) document.getElementById(optionId(activeCode))?.scrollIntoView({ block: 'nearest' })
  })

  const store = (ids: string[]) => {
    setValue(ids.map((id) => rawIds.get(id) ?? id))
  }
  const choose = (code: string) => {
    if (code === NATIONWIDE) store([])
    else {
      const id = idOfCode.get(code)
      if (id === undefined) return
      store(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id])
    }
    setQuery('')
  }
  const nameOf = (id: string) => {
    const code = codeOfId?.get(id)
    const node = code ? lookup?.byCode.get(code) : undefined
    return node?.name ?? code ?? `#${id}`
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (a + step + flat.length) % flat.length)
    } else if (event.key === 'Home' && open) {
      event.preventDefault()
      setActive(0)
    } else if (event.key === 'End' && open) {
      event.preventDefault()
      setActive(flat.length - 1)
    } else if (event.key === 'Enter') {
      // Never submit the document form from here.
      event.preventDefault()
      if (open && activeCode) choose(activeCode)
      else setOpen(true)
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        event.stopPropagation()
        setOpen(false)
      } else setQuery('')
    } else if (event.key === 'Backspace' && !query && selected.length) {
      store(selected.slice(0, -1))
    }
  }

  const disabled = readOnly || !lookup || !codeOfId
  const chosen = new Set(selected.map((id) => codeOfId?.get(id)))
  const renderOption = (code: string, label: string) => (
    <div
      key={code}
      id={optionId(code)}
      role="option"
      aria-selected={code === NATIONWIDE ? selected.length === 0 : chosen.has(code)}
      className={`rn-region-field__option${code === activeCode ? ' rn-region-field__option--active' : ''}`}
      // Keep focus in the input.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => choose(code)}
    >
      {label}
      {(code === NATIONWIDE ? selected.length === 0 : chosen.has(code)) && <span aria-hidden="true"> ✓</span>}
    </div>
  )

  return (
    <div className={`field-type rn-region-field${showError ? ' error' : ''}`}>
      <FieldLabel label={field.label} path={path} required={field.required} htmlFor={inputId} localized={field.localized} />
      <div className="rn-region-field__box">
        {selected.length > 0 ? (
          <ul className="rn-region-field__chips" aria-label={text.chosenRegions}>
            {selected.map((id) => (
              <li key={id} className="rn-region-field__chip">
                <span>{nameOf(id)}</span>
                <button type="button" disabled={readOnly} aria-label={text.remove(nameOf(id))} onClick={() => store(selected.filter((s) => s !== id))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="rn-region-field__none">{text.nationwide}</span>
        )}
        <input
          id={inputId}
          className="rn-region-field__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeCode ? optionId(activeCode) : undefined}
          aria-describedby={`${baseId}-hint`}
          placeholder={failed ? text.loadFailed : text.searchPlaceholder}
          disabled={disabled}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <span id={`${baseId}-hint`} className="rn-region-field__hint">
          {text.searchHint}
        </span>
        <div id={listId} ref={listRef} role="listbox" aria-label={text.regionsList} aria-multiselectable="true" className="rn-region-field__list" hidden={!open}>
          {open && renderOption(NATIONWIDE, text.nationwideChoice)}
          {groups.map((g) => (
            <div key={g.code} role="group" aria-label={g.name} className="rn-region-field__group">
              <div className="rn-region-field__group-name" aria-hidden="true">
                {g.name}
              </div>
              {g.choices.map((c) => renderOption(c.code, c.whole ? text.wholeProvince(c.name) : c.name))}
            </div>
          ))}
          {open && query && groups.length === 0 && (
            <div className="rn-region-field__empty" role="presentation">
              {text.noMatch}
            </div>
          )}
        </div>
      </div>
      <FieldError path={path} showError={showError} message={errorMessage} />
      <FieldDescription path={path} description={field.admin?.description} />
    </div>
  )
}
