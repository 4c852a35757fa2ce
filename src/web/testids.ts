/**
 * Stable `data-testid` values for browser tests. Tests should find elements by these, never by
 * visible text (which changes with the language) or by antd's class names (which change with
 * antd versions). Each module keeps its own in modules/<m>/testids.ts (the strings are unique
 * across them: testids.test.ts); this file has the shell's.
 *
 * Login and shell
 *   login-form, login-username, login-password, login-submit, login-error
 *   lang-switch (toggles 中文/English; data-lang carries the current language)
 *   header-user-name, header-role, header-scope, logout, menu-toggle (phone width only)
 *   side-menu, menu-home, menu-quarters, menu-places, menu-audit, menu-users, menu-account
 *   global-search (the header's search box), global-search-option (each answer; data-kind,
 *   data-id), inbox-button, inbox-count, inbox-list, inbox-item (data-inbox-id), inbox-done
 *
 * Audit, accounts, password, places
 *   audit-table, audit-row, audit-filter-quarter, audit-filter-entity
 *   user-table, user-row, user-create, user-form-username, user-form-display-name,
 *   user-form-role, user-form-scope, user-form-password, user-form-submit, user-form-office
 *   user-disable, user-enable, user-reset, user-move (one per row, with data-user-id),
 *   user-reset-mode, user-reset-password, user-reset-submit, user-temporary-password,
 *   user-confirm (the confirmation's OK), user-move-submit, user-status, office-ended-banner, password-must-change
 *   password-form, password-current, password-new, password-confirm, password-submit
 *   places-tree, place-add-street, place-add-community, place-form-name, place-form-parent,
 *   place-form-submit
 */
import type { HTMLAttributes } from 'react';

export const TID = {
  loginForm: 'login-form',
  loginUsername: 'login-username',
  loginPassword: 'login-password',
  loginSubmit: 'login-submit',
  loginError: 'login-error',
  langSwitch: 'lang-switch',
  headerUserName: 'header-user-name',
  headerRole: 'header-role',
  headerScope: 'header-scope',
  logout: 'logout',
  menuToggle: 'menu-toggle',
  globalSearch: 'global-search',
  globalSearchOption: 'global-search-option',
  inboxButton: 'inbox-button',
  inboxCount: 'inbox-count',
  inboxList: 'inbox-list',
  inboxItem: 'inbox-item',
  inboxDone: 'inbox-done',
  inboxMore: 'inbox-more',
  sideMenu: 'side-menu',
  meLogout: 'me-logout',
  /** A menu entry (modules/module.ts MenuEntry key): menu-home, menu-quarters, menu-votes… */
  menu: (key: string) => `menu-${key}`,


  auditTable: 'audit-table',
  auditRow: 'audit-row',
  auditFilterQuarter: 'audit-filter-quarter',
  auditFilterEntity: 'audit-filter-entity',
  auditTabs: 'audit-tabs',
  auditTabChanges: 'audit-tab-changes',
  auditTabSecurity: 'audit-tab-security',

  userTable: 'user-table',
  userRow: 'user-row',
  userCreate: 'user-create',
  userSearch: 'user-search',
  userRoleFilter: 'user-role-filter',
  userStatusFilter: 'user-status-filter',
  userFormUsername: 'user-form-username',
  userFormDisplayName: 'user-form-display-name',
  userFormRole: 'user-form-role',
  userFormScope: 'user-form-scope',
  userFormPassword: 'user-form-password',
  userFormSubmit: 'user-form-submit',
  userFormOffice: 'user-form-office',
  userDisable: 'user-disable',
  userEnable: 'user-enable',
  userReset: 'user-reset',
  userMove: 'user-move',
  userResetMode: 'user-reset-mode',
  userResetPassword: 'user-reset-password',
  userResetSubmit: 'user-reset-submit',
  userTemporaryPassword: 'user-temporary-password',
  userMoveSubmit: 'user-move-submit',
  userConfirm: 'user-confirm',
  userStatus: 'user-status',
  officeEndedBanner: 'office-ended-banner',
  passwordMustChange: 'password-must-change',

  passwordForm: 'password-form',
  passwordCurrent: 'password-current',
  passwordNew: 'password-new',
  passwordConfirm: 'password-confirm',
  passwordSubmit: 'password-submit',

  placesTree: 'places-tree',
  placeAddStreet: 'place-add-street',
  placeAddCommunity: 'place-add-community',
  placeFormName: 'place-form-name',
  placeFormParent: 'place-form-parent',
  placeFormSubmit: 'place-form-submit',
} as const;

/** Spread onto antd Table rows: `onRow={rowTestId(TID.quarterRow, 'quarter')}`. */
export function rowTestId<T extends { id: string | number }>(testId: string, kind: string) {
  return (record: T) => ({ 'data-testid': testId, [`data-${kind}-id`]: String(record.id) }) as HTMLAttributes<HTMLElement>;
}
