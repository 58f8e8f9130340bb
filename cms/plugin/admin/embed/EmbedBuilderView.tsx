import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { runtimeOf } from '../../runtime'
import { EmbedBuilder } from './EmbedBuilder'
import { readEmbedPreset } from './embed-preset'

/**
 * /admin/embed: build a widget snippet with a live preview. Payload's custom views are public unless they check,
 * so this one sends anyone not logged in to the login page, and anyone who may not edit gets nothing.
 */
export const EmbedBuilderView = ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/embed`)}`)
  const { options } = runtimeOf(req.payload)
  const allowed = options.canEdit(req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      {allowed ? (
        <EmbedBuilder
          language={req.i18n.language}
          api={`${req.payload.config.routes.api}${options.publicApi.basePath}`}
          siteUrl={options.site.urlConfigured ? options.site.url : undefined}
          preset={readEmbedPreset(searchParams)}
        />
      ) : null}
    </DefaultTemplate>
  )
}
