'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React from 'react'
import { adminText } from '../admin-text'

/** The embed builder's entry in the admin's navigation. */
export const EmbedNavLink = () => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  return (
    <a className="nav__link" href={`${config.routes.admin}/embed`} id="nav-embed-builder">
      <span className="nav__link-label">{adminText(i18n.language).embedTitle}</span>
    </a>
  )
}
