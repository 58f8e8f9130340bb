// Page glue for the demo: which view to show, the hotline, the document title. No inline script,
// so the page works under a CSP without 'unsafe-inline'.
const DEFAULT_TEL = '400-800-8800'
const TEL_KEY = 'demo:hotline'

const params = new URLSearchParams(location.search)
const slug = params.get('article')

// An article page when ?article= is present, else the list.
if (slug) {
  document.getElementById('list-section').hidden = true
  document.getElementById('article-section').hidden = false
  const view = document.getElementById('article-view')
  view.setAttribute('slug', slug)
  view.addEventListener('load', (e) => {
    document.title = `${e.detail.title} · 托盈托盘`
  })
}

// The hotline follows the chosen region's phone, falling back to the national number.
function showTel(tel) {
  const number = tel || DEFAULT_TEL
  document.getElementById('hotline-number').textContent = number
  document.getElementById('hotline').href = `tel:${number.replace(/[^\d+]/g, '')}`
}

try {
  showTel(localStorage.getItem(TEL_KEY))
} catch {
  showTel()
}

document.getElementById('city').addEventListener('change', (e) => {
  showTel(e.detail.tel)
  try {
    if (e.detail.tel) localStorage.setItem(TEL_KEY, e.detail.tel)
    else localStorage.removeItem(TEL_KEY)
  } catch {}
  // Choosing a city while reading an article goes back to the (filtered) list.
  if (slug) location.href = `./?region=${encodeURIComponent(e.detail.code)}`
})
