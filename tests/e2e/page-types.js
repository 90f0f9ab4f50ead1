// One page of every type of the bundled site, for the layout suite
// (tests/trust/layout.test.js) and the screenshots (bench/screenshots.mjs).

export const PAGE_TYPES = {
  start: '/',
  section: '/regler/',
  policy: '/policy/informationssakerhetspolicy/',
  guideline: '/riktlinjer/riktlinje-informationssakerhet/',
  rule: '/regler/incidenthantering/',
  'retired rule': '/regler/usb-minnen/',
  page: '/om/informationssakerhetsorganisationen/',
  'introduction plan page': '/om/inforandeplan/',
  roles: '/roller/',
  'role list': '/roller/chef/',
  module: '/utbildning/grundkurs-informationssakerhet/',
  path: '/utbildning/vagar/ny-medarbetare/',
  'path builder': '/utbildning/vag/',
  certificate: '/utbildning/intyg/',
  search: '/sok/?q=l%C3%B6senord',
  'ISO coverage': '/iso27001/',
  'statement of applicability': '/tillampning/',
  'statement of applicability document': '/riktlinjer/uttalande-om-tillampning/',
  'requirement catalogues': '/kravkataloger/',
  'NIS2 coverage': '/kravkataloger/nis2/',
  'introduction plan': '/inforandeplan/',
  'status board': '/dokumentstatus/',
  structure: '/struktur/',
  'in force on a date': '/gallande/',
  'follow-up': '/uppfoljning/',
  'not found': '/404.html',
};

/**
 * Build arguments that add the follow-up page (issue #18) from generated
 * results and a roster for the bundled site (bench/gen_results.py).
 */
export const FOLLOWUP = ['--completions', 'tests/fixtures/report/followup/completions.csv',
  '--roster', 'tests/fixtures/report/followup/roster.csv'];

/** The viewport widths every page is laid out at (phones to desktop). */
export const WIDTHS = [320, 390, 768, 1280];
