// Unit tests of the path builder's pure logic: prerequisite order, what a
// role preselects, names and documents in the shared link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderByPrerequisites, resolvePath, roleSelection, shareQuery } from '../../themes/default/static/js/pathbuilder.js';

const catalog = {
  modules: [
    { id: 'M-03', title: 'Klassning', version: '1.0', prerequisites: ['M-01'], documents: ['R-2'] },
    { id: 'M-02', title: 'Chef', version: '1.0', prerequisites: ['M-03', 'M-01'], documents: ['R-1'] },
    { id: 'M-01', title: 'Grund', version: '2.0', prerequisites: [], documents: ['P-1', 'R-1'] },
    { id: 'M-04', title: 'Phishing', version: '1.0', prerequisites: [], documents: [] },
  ],
  paths: [{ id: 'V-02', title: 'Chef', url: '/v/chef/', roles: ['chef'], modules: ['M-01', 'M-02', 'M-04'], documents: ['R-9', 'P-1'], due_days: 60 }],
  documents: [{ id: 'P-1' }, { id: 'R-1' }, { id: 'R-2' }, { id: 'R-9' }],
  roles: [
    { id: 'chef', name: 'Chef', modules: ['M-02', 'M-01'] },
    { id: 'ledning', name: 'Ledning', modules: ['M-04'] },
  ],
};
const ids = (list) => list.map((m) => m.id);

test('a module comes after its prerequisites on the path, otherwise as given', () => {
  const byId = (id) => catalog.modules.find((m) => m.id === id);
  assert.deepEqual(ids(orderByPrerequisites(['M-02', 'M-04', 'M-03', 'M-01'].map(byId))), ['M-01', 'M-03', 'M-02', 'M-04']);
  // A prerequisite not on the path does not reorder anything.
  assert.deepEqual(ids(orderByPrerequisites(['M-04', 'M-03'].map(byId))), ['M-04', 'M-03']);
  // A cycle (check rejects it, but the browser must not hang) keeps every module once.
  const a = { id: 'A', prerequisites: ['B'] };
  const b = { id: 'B', prerequisites: ['A'] };
  assert.deepEqual(ids(orderByPrerequisites([a, b])).sort(), ['A', 'B']);
});

test('choosing a role preselects its modules, its curated path and their documents', () => {
  const chef = roleSelection(catalog, 'chef');
  assert.deepEqual(chef.modules, ['M-01', 'M-02', 'M-04']);
  assert.deepEqual(chef.documents, ['R-9', 'P-1', 'R-1']);
  assert.equal(chef.path.id, 'V-02');
  const ledning = roleSelection(catalog, 'ledning');
  assert.deepEqual([ledning.modules, ledning.documents, ledning.path], [['M-04'], [], null]);
  assert.deepEqual(roleSelection(catalog, 'nobody'), { modules: [], documents: [], path: null });
});

test('the shared link carries the name, the modules in order, documents when chosen, the due time', () => {
  const p = resolvePath(catalog, new URLSearchParams('namn=Chefsväg&moduler=M-02,M-01&dokument=R-9&dagar=45'));
  assert.equal(p.name, 'Chefsväg');
  assert.deepEqual(ids(p.modules), ['M-01', 'M-02']);
  assert.deepEqual(ids(p.documents), ['R-9']);
  assert.equal(shareQuery(p.modules, p.dueDays, { name: p.name, documents: p.documents, catalog }), '?namn=Chefsv%C3%A4g&moduler=M-01,M-02&dokument=R-9&dagar=45');
  // Documents that are just the modules' own are left out of the link.
  const implied = resolvePath(catalog, new URLSearchParams('moduler=M-01'));
  assert.deepEqual(ids(implied.documents), ['P-1', 'R-1']);
  assert.equal(shareQuery(implied.modules, null, { documents: implied.documents, catalog }), '?moduler=M-01');
  // An unknown document is reported; a role alone names the path after it.
  assert.deepEqual(resolvePath(catalog, new URLSearchParams('moduler=M-01&dokument=X-1')).unknown, ['X-1']);
  assert.equal(resolvePath(catalog, new URLSearchParams('roll=ledning')).name, 'Ledning');
});
