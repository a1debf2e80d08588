// MetricSets sample page: resolves a metric set for a member and charts one definition's history.
// DEMO: the viewer is a user picked in the page and sent as the X-Demo-User header; a real host authenticates.
const texts = {
  en: { title: 'MetricSets sample host', demo: 'Demo authentication: the viewer is chosen below and sent as the X-Demo-User header.',
        organization: 'Organization', viewer: 'Viewer', member: 'Member', set: 'Metric set', units: 'Units', metric: 'Metric',
        latest: 'Latest', recorded: 'As recorded', when: 'When', none: 'no value yet', history: 'History' },
  he: { title: 'דוגמת MetricSets', demo: 'אימות לדוגמה: הצופה נבחר למטה ונשלח בכותרת X-Demo-User.',
        organization: 'ארגון', viewer: 'צופה', member: 'מתאמן', set: 'סט מדדים', units: 'יחידות', metric: 'מדד',
        latest: 'אחרון', recorded: 'כפי שנרשם', when: 'מתי', none: 'אין ערך עדיין', history: 'היסטוריה' },
  ru: { title: 'Пример MetricSets', demo: 'Демо-аутентификация: зритель выбирается ниже и передаётся в заголовке X-Demo-User.',
        organization: 'Организация', viewer: 'Зритель', member: 'Участник', set: 'Набор метрик', units: 'Единицы', metric: 'Метрика',
        latest: 'Последнее', recorded: 'Как записано', when: 'Когда', none: 'нет значения', history: 'История' },
};

const params = new URLSearchParams(location.search);
const state = { lang: params.get('lang') || 'en', directory: null, definition: null };
const $ = (id) => document.getElementById(id);

function t(key) { return (texts[state.lang] || texts.en)[key]; }

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'he' ? 'rtl' : 'ltr';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang)));
}

async function api(path) {
  const response = await fetch(path, { headers: { 'X-Demo-User': $('viewer').value, 'Accept-Language': state.lang } });
  const body = await response.json();
  if (!response.ok) { throw new Error(body.detail || body.title || response.statusText); }
  return body;
}

function fill(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => new Option(label, value, false, value === selected)));
}

function organizationChanged() {
  const org = $('organization').value;
  const people = state.directory.people;
  const rolesIn = (p) => p.roles.filter((r) => r.organizationId === org);
  const staff = people.filter((p) => rolesIn(p).some((r) => r.role === 'staff'));
  const members = people.filter((p) => rolesIn(p).some((r) => r.role === 'member'));
  fill($('viewer'), [...staff, ...members].map((p) => [p.id, `${p.name} (${rolesIn(p)[0].role})`]), params.get('viewer') || (staff[0] || members[0] || {}).id);
  fill($('member'), members.map((p) => [p.id, p.name]), params.get('member') || (members[0] || {}).id);
  const sets = state.directory.sets.filter((s) => s.organizationId === org);
  fill($('set'), sets.map((s) => [s.id, `${s.name} (${s.ownerKind})`]), params.get('set') || (sets[0] || {}).id);
}

async function resolve() {
  const org = $('organization').value, member = $('member').value, set = $('set').value;
  $('error').hidden = true;
  try {
    const resolved = await api(`/orgs/${org}/members/${member}/metric-sets/${set}?units=${$('units').value}`);
    $('set-name').textContent = resolved.name;
    const rows = resolved.metrics.map((m) => {
      const row = document.createElement('tr');
      row.dataset.definition = m.definitionId;
      const cells = [m.name, m.latest ? m.latest.display : t('none'), m.asRecorded ? m.asRecorded.display : '', m.recordedAt ? new Date(m.recordedAt).toLocaleDateString(state.lang) : ''];
      cells.forEach((text, i) => {
        // <bdi> keeps "80.06 kg" in reading order inside a right-to-left page.
        const td = document.createElement('td'), bdi = document.createElement('bdi');
        bdi.textContent = text; td.append(bdi);
        if (i === 1 && !m.latest) td.className = 'none';
        row.append(td);
      });
      row.addEventListener('click', () => chart(m));
      return row;
    });
    $('metrics').tBodies[0].replaceChildren(...rows);
    const first = resolved.metrics.find((m) => m.definitionId === state.definition && m.latest) || resolved.metrics.find((m) => m.latest);
    if (first) { await chart(first); } else { $('chart').replaceChildren(); $('chart-title').textContent = ''; }
  } catch (e) {
    $('error').textContent = e.message; $('error').hidden = false;
    $('metrics').tBodies[0].replaceChildren(); $('chart').replaceChildren();
  }
}

async function chart(metric) {
  state.definition = metric.definitionId;
  document.querySelectorAll('#metrics tbody tr').forEach((r) => r.classList.toggle('selected', r.dataset.definition === metric.definitionId));
  const org = $('organization').value, member = $('member').value;
  const page = await api(`/orgs/${org}/members/${member}/metrics/${metric.definitionId}/history?pageSize=500&units=${$('units').value}`);
  const points = page.items;
  $('chart-title').textContent = `${t('history')}: ${metric.name} (${metric.unit})`;
  const svg = $('chart'), ns = 'http://www.w3.org/2000/svg';
  const make = (tag, attrs, text) => { const el = document.createElementNS(ns, tag); Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v)); if (text !== undefined) el.textContent = text; return el; };
  const [w, h, pad] = [640, 260, 40];
  const times = points.map((p) => Date.parse(p.recordedAt)), values = points.map((p) => p.value.amount);
  const [t0, t1] = [Math.min(...times), Math.max(...times)], [v0, v1] = [Math.min(...values), Math.max(...values)];
  const x = (v) => pad + ((v - t0) / Math.max(t1 - t0, 1)) * (w - 2 * pad);
  const y = (v) => h - pad - ((v - v0) / Math.max(v1 - v0, 1e-9)) * (h - 2 * pad);
  const coords = points.map((p, i) => `${x(times[i]).toFixed(1)},${y(values[i]).toFixed(1)}`);
  svg.replaceChildren(
    make('line', { class: 'axis', x1: pad, y1: h - pad, x2: w - pad, y2: h - pad }),
    make('line', { class: 'axis', x1: pad, y1: pad, x2: pad, y2: h - pad }),
    make('text', { x: 4, y: y(v1) + 4 }, String(v1)),
    make('text', { x: 4, y: y(v0) + 4 }, String(v0)),
    make('text', { x: pad, y: h - 12 }, new Date(t0).toLocaleDateString(state.lang)),
    make('text', { x: w - pad - 70, y: h - 12 }, new Date(t1).toLocaleDateString(state.lang)),
    make('polyline', { class: 'line', points: coords.join(' ') }),
    ...points.map((p, i) => make('circle', { class: 'point', cx: x(times[i]), cy: y(values[i]), r: 3.5 }, undefined)));
}

async function main() {
  applyLanguage();
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => { state.lang = b.dataset.lang; applyLanguage(); resolve(); }));
  state.directory = await (await fetch('/demo')).json();
  fill($('organization'), state.directory.organizations.map((o) => [o.id, o.name]), params.get('org') || state.directory.organizations.find((o) => o.name === 'Tel Aviv Barbell')?.id);
  $('units').value = params.get('units') || 'metric';
  organizationChanged();
  $('organization').addEventListener('change', () => { organizationChanged(); resolve(); });
  ['viewer', 'member', 'set', 'units'].forEach((id) => $(id).addEventListener('change', resolve));
  await resolve();
  document.body.dataset.ready = 'true';
}

main();
