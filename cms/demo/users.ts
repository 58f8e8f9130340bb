import type { Access, CollectionConfig, FieldAccess } from 'payload'

/** The demo application's users (not part of the plugin): admins manage everything, editors write articles and media. */
export type Role = 'admin' | 'editor'
export const hasRole = (user: unknown, role: Role) =>
  Array.isArray((user as { roles?: unknown })?.roles) && (user as { roles: string[] }).roles.includes(role)

const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')
const adminOrSelf: Access = ({ req }) => hasRole(req.user, 'admin') || (req.user ? { id: { equals: req.user.id } } : false)
const adminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { zh: '用户', en: 'User' }, plural: { zh: '用户', en: 'Users' } },
  auth: { maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  access: {
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    // Payload's default lets any logged-in user unlock others.
    unlock: isAdmin,
    admin: ({ req }) => hasRole(req.user, 'admin') || hasRole(req.user, 'editor'),
  },
  fields: [
    { name: 'name', type: 'text', label: { zh: '姓名', en: 'Name' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      access: { create: adminField, update: adminField },
      options: [
        { value: 'admin', label: { zh: '管理员', en: 'Admin' } },
        { value: 'editor', label: { zh: '编辑', en: 'Editor' } },
      ],
      label: { zh: '角色', en: 'Roles' },
    },
  ],
}
