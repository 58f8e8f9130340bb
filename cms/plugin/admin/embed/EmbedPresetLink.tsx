'use client'
import { useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'
import { adminText } from '../admin-text'
import { type EmbedPreset, embedPresetHref } from './embed-preset'

/** What a collection's documents preset the builder to: an article its card, a category or region a list of it. */
export type EmbedPresetKind = 'article' | 'category' | 'region'

const FIELD: Record<EmbedPresetKind, string> = { article: 'slug', category: 'slug', region: 'code' }

const presetOf = (kind: EmbedPresetKind, value: string): EmbedPreset =>
  kind === 'article' ? { element: 'article-card', slug: value } : kind === 'category' ? { element: 'article-list', category: value } : { element: 'article-list', region: value }

/** The edit view's "copy embed snippet" action: opens the embed builder preset to this document (once it is saved). */
export const EmbedPresetLink = ({ kind }: { kind: EmbedPresetKind }) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { id } = useDocumentInfo()
  const value = useFormFields(([fields]) => fields[FIELD[kind]]?.initialValue)
  if (!id || typeof value !== 'string' || !value) return null
  return (
    <a className="btn btn--style-secondary btn--size-small" href={embedPresetHref(config.routes.admin, presetOf(kind, value))} id="rn-embed-preset">
      {adminText(i18n.language).embedCopyAction}
    </a>
  )
}
