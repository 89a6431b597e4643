import { describe, expect, test } from 'vitest'
import { LoginSchema, NewUserSchema, safeRedirect } from './schemas'

describe('form schemas', () => {
  test('login names each missing field', () => {
    const result = LoginSchema.safeParse({})
    expect(result.success).toBe(false)
    const fields = result.error!.issues.map((i) => i.path.join('.'))
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']))
  })

  test('new users need a valid email, a known role and a 10-character password', () => {
    const result = NewUserSchema.safeParse({ email: 'nope', name: ' ', role: 'owner', password: 'short' })
    expect(result.success).toBe(false)
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(byField.email).toBe('Enter a valid email address')
    expect(byField.name).toBe('Name is required')
    expect(byField.role).toContain('admin, editor, reviewer')
    expect(byField.password).toBe('Use at least 10 characters')
    expect(NewUserSchema.parse({ email: ' A@Example.COM ', name: 'A', role: 'editor', password: '0123456789' }).email).toBe(
      'a@example.com',
    )
  })

  test('redirects only to same-site paths', () => {
    expect(safeRedirect('/claims?x=1')).toBe('/claims?x=1')
    expect(safeRedirect('//evil.example')).toBe('/articles')
    expect(safeRedirect('https://evil.example')).toBe('/articles')
    expect(safeRedirect('/\\evil.example')).toBe('/articles')
    expect(safeRedirect(null)).toBe('/articles')
  })

  test('a redirect that a browser would read as another host, once decoded or cleaned, is refused', () => {
    for (const to of [
      '/\t/evil.example',
      '/%09/evil.example',
      '/\n/evil.example',
      '/%0d%0a/evil.example',
      '/%2F/evil.example',
      '/%2f%2fevil.example',
      '/%5Cevil.example',
      '/\\evil.example',
      '/ /evil.example',
      '/claims\r\nSet-Cookie: x=1',
      '/caf\u00e9',
      '/\u2028',
      '/%E0%A4%A',
      'javascript:alert(1)',
      '',
    ]) {
      expect(safeRedirect(to), JSON.stringify(to)).toBe('/articles')
    }
    expect(safeRedirect('/claims?q=caf%C3%A9%20bar&status=all#c1')).toBe('/claims?q=caf%C3%A9%20bar&status=all#c1')
    expect(safeRedirect('/claims/../articles/1')).toBe('/articles/1')
  })
})
