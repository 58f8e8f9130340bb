import * as qs from 'qs-esm'
import { describe, expect, it } from 'vitest'
import { parseBracketQuery } from '../../../cms/server/rest-guard/bracket-query'
import { HttpError } from '../../../cms/plugin/http/http-error'

// Payload parses REST queries with qs-esm and these options (utilities/createPayloadRequest): the guard must
// see exactly what Payload will, for everything it lets through.
const payloadParse = (search: string) => qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })

const ACCEPTED = [
  'depth=0&draft=true&limit=250&locale=zh&where[id][in]=1,2,3,4,5&',
  'depth=0&draft=true&limit=10&locale=zh&page=1&select%5Bname%5D=true&sort=order&where%5Band%5D%5B0%5D%5Bid%5D%5Bnot_in%5D%5B0%5D=1&where%5Band%5D%5B1%5D%5Bname%5D%5Blike%5D=%E6%B5%99',
  'where[or][0][and][0][level][equals]=province&where[or][1][and][0][code][like]=33',
  'where[document.relationTo][equals]=articles&where[document.value][equals]=12',
  'where[id][in][]=1&where[id][in][]=2',
  'where[id][in][0]=1&where[id][in][1]=2',
  'where[title][in]=a&where[title][in]=b',
  'where[or][5][title][equals]=sparse&where[or][2][title][equals]=indices',
  'sort=-publishedAt,title&limit=5&page=2',
  'where[title][like]=hello+world%21',
  'select[title]=true&select[credits][label]=true&populate[categories][name]=true',
  'where=%7B%22title%22%3A%7B%22equals%22%3A%22x%22%7D%7D',
  'flag&depth=1',
  '2026-11-25T14:45:47.638Z',
]

const REFUSED = [
  'where[id][equals]=%ED%A0%80', // lone surrogate
  'where[title][equals]=a%00b', // NUL
  'where[title][equals]=%E2%80%AEx', // right-to-left override
  'where[title][equals]=%C3%28', // invalid UTF-8
  'where[a][b][c][d][e][f][g][h][i][j][k]=1', // deeper than qs goes
  'where[or][1001][id][equals]=1', // qs makes an object of indices above its array limit
  'where[or][0][id][equals]=1&where[or][x][id][equals]=1', // list and object at once
  'where[title]=x&where[title][equals]=y', // value and object at once
  'where[__proto__][x]=1',
  'where[constructor][prototype]=1',
  'where[id',
  'where]id[=1',
  'where[a]b=1',
  'where[][id]=1',
  Array.from({ length: 201 }, (_, i) => `p${i}=1`).join('&'),
]

describe('bracket query parser', () => {
  for (const search of ACCEPTED) {
    it(`reads ${search.slice(0, 60)} as Payload's qs does`, () => {
      expect(parseBracketQuery(search)).toEqual(payloadParse(search))
    })
  }
  for (const search of REFUSED) {
    it(`refuses ${search.slice(0, 60)}`, () => {
      expect(() => parseBracketQuery(search)).toThrow(HttpError)
    })
  }
})
