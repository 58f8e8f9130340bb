import { css } from 'lit'

/**
 * Public theming surface: every element reads `--news-*` custom properties set by the host page,
 * resolved once here into private `--_*` ones so each fallback is written in one place.
 */
export const tokens = css`
  :host {
    /* CJK faces before system-ui, whose Latin-only face would send every Chinese run through font fallback. */
    --_font: var(--news-font, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', system-ui, sans-serif);
    --_text: var(--news-text, #1f2329);
    --_muted: var(--news-muted, #646a73);
    --_bg: var(--news-bg, #fff);
    --_surface: var(--news-surface, #f5f6f7);
    --_border: var(--news-border, #dee0e3);
    --_accent: var(--news-accent, #c0392b);
    --_accent-text: var(--news-accent-text, #fff);
    --_danger: var(--news-danger, #b42318);
    --_radius: var(--news-radius, 8px);
    --_shadow: var(--news-shadow, 0 8px 24px rgb(0 0 0 / 0.14));
    --_focus: var(--news-focus, 2px solid #2563eb);
    --_z: var(--news-z-index, 1000);
    font-family: var(--_font);
    color: var(--_text);
  }
  /* English content: Latin faces first. */
  :host(:lang(en)) {
    --_font: var(--news-font, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif);
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
`
