// MetricSets sample page, as a gym would use it: a member's set with latest values and personal bests side by side,
// recording a value, the gym's leaderboard, a history chart, and importing a file with progress.
// DEMO: the viewer is picked in the page and sent as the X-Demo-User header, which the sample's demo authentication
// scheme turns into a signed-in user; a real host signs users in with its own login.
const texts = {
  en: { title: 'MetricSets sample gym', demo: 'Demo authentication: the viewer chosen below signs in through the X-Demo-User header. A real gym signs in with its own login.',
        organization: 'Gym', viewer: 'Signed in as', member: 'Member', set: 'Metric set', units: 'Units', metricUnits: 'metric', imperialUnits: 'imperial', definitionUnits: 'as defined',
        metric: 'Metric', latest: 'Latest', best: 'Personal best', when: 'When', none: '—', history: 'History',
        record: 'Record a value', amount: 'Amount', unit: 'Unit', save: 'Save', recorded: 'Recorded', leaderboard: 'Leaderboard', staffOnly: 'Only the gym\'s staff see its leaderboard.',
        import: 'Import values', importHelp: 'CSV with a header line memberId,slug,amount,unit,recordedAt,source — or a JSON array of rows. All or nothing per batch of 100 rows.',
        importStart: 'Import', importing: 'Importing', imported: 'Imported', rows: 'rows', newValues: 'new', already: 'already there', row: 'row', staff: 'staff', memberRole: 'member' },
  he: { title: 'חדר כושר לדוגמה של MetricSets', demo: 'אימות לדוגמה: הצופה שנבחר למטה מתחבר באמצעות הכותרת X-Demo-User. חדר כושר אמיתי מתחבר עם מערכת הכניסה שלו.',
        organization: 'חדר כושר', viewer: 'מחובר בתור', member: 'מתאמן', set: 'סט מדדים', units: 'יחידות', metricUnits: 'מטריות', imperialUnits: 'אימפריאליות', definitionUnits: 'כפי שהוגדר',
        metric: 'מדד', latest: 'אחרון', best: 'שיא אישי', when: 'מתי', none: '—', history: 'היסטוריה',
        record: 'רישום ערך', amount: 'כמות', unit: 'יחידה', save: 'שמירה', recorded: 'נרשם', leaderboard: 'טבלת מובילים', staffOnly: 'רק צוות חדר הכושר רואה את טבלת המובילים.',
        import: 'ייבוא ערכים', importHelp: 'CSV עם שורת כותרת memberId,slug,amount,unit,recordedAt,source — או מערך JSON של שורות. הכול או כלום בכל אצווה של 100 שורות.',
        importStart: 'ייבוא', importing: 'מייבא', imported: 'יובאו', rows: 'שורות', newValues: 'חדשים', already: 'כבר קיימים', row: 'שורה', staff: 'צוות', memberRole: 'מתאמן' },
  ru: { title: 'Пример зала MetricSets', demo: 'Демо-аутентификация: выбранный ниже зритель входит через заголовок X-Demo-User. Настоящий зал использует свой вход.',
        organization: 'Зал', viewer: 'Вход как', member: 'Участник', set: 'Набор метрик', units: 'Единицы', metricUnits: 'метрические', imperialUnits: 'имперские', definitionUnits: 'как задано',
        metric: 'Метрика', latest: 'Последнее', best: 'Личный рекорд', when: 'Когда', none: '—', history: 'История',
        record: 'Записать значение', amount: 'Значение', unit: 'Единица', save: 'Сохранить', recorded: 'Записано', leaderboard: 'Таблица лидеров', staffOnly: 'Таблицу лидеров видят только сотрудники зала.',
        import: 'Импорт значений', importHelp: 'CSV со строкой заголовка memberId,slug,amount,unit,recordedAt,source — или JSON-массив строк. Всё или ничего в каждой партии из 100 строк.',
        importStart: 'Импорт', importing: 'Импорт', imported: 'Импортировано', rows: 'строк', newValues: 'новых', already: 'уже были', row: 'строка', staff: 'сотрудник', memberRole: 'участник' },
};

const params = new URLSearchParams(location.search);
const state = { lang: params.get('lang') || 'en', directory: null, definition: null, metrics: [] };
const $ = (id) => document.getElementById(id);
const ImportBatch = 100;

function t(key) { return (texts[state.lang] || texts.en)[key]; }

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'he' ? 'rtl' : 'ltr';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang)));
}

class ApiError extends Error {
  constructor(problem, status) { super(problem.detail || problem.title || String(status)); this.problem = problem; this.status = status; }
}

async function api(path, options = {}) {
  const headers = { 'X-Demo-User': $('viewer').value, 'Accept-Language': state.lang, ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
  const response = await fetch(path, { ...options, headers });
  if (response.status === 204) return null;
  const body = await response.json();
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

const org = () => $('organization').value;
const member = () => $('member').value;
const units = () => $('units').value;
const nameOf = (id) => (state.directory.people.find((p) => p.id === id) || {}).name || id;
const bdi = (text) => { const el = document.createElement('bdi'); el.textContent = text; return el; };

function fill(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => new Option(label, value, false, value === selected)));
}

function organizationChanged() {
  const people = state.directory.people;
  const rolesIn = (p) => p.roles.filter((r) => r.organizationId === org());
  const staff = people.filter((p) => rolesIn(p).some((r) => r.role === 'staff'));
  const members = people.filter((p) => rolesIn(p).some((r) => r.role === 'member'));
  const role = (p) => (rolesIn(p)[0].role === 'staff' ? t('staff') : t('memberRole'));
  fill($('viewer'), [...staff, ...members].map((p) => [p.id, `${p.name} (${role(p)})`]), params.get('viewer') || (staff[0] || members[0] || {}).id);
  fill($('member'), members.map((p) => [p.id, p.name]), params.get('member') || (members[0] || {}).id);
  const sets = state.directory.sets.filter((s) => s.organizationId === org());
  fill($('set'), sets.map((s) => [s.id, s.name]), params.get('set') || (sets[0] || {}).id);
}

function showError(error) {
  $('error').textContent = error ? error.message : '';
  $('error').hidden = !error;
}

async function resolve() {
  showError(null);
  try {
    const resolved = await api(`/orgs/${org()}/members/${member()}/metric-sets/${$('set').value}?units=${units()}`);
    state.metrics = resolved.metrics;
    $('set-name').textContent = resolved.name;
    const ids = resolved.metrics.map((m) => `definitionId=${m.definitionId}`).join('&');
    const bests = ids ? await api(`/orgs/${org()}/members/${member()}/metrics/bests?${ids}&units=${units()}`) : {};
    $('metrics').tBodies[0].replaceChildren(...resolved.metrics.map((m) => metricRow(m, bests[m.definitionId])));
    fill($('record-definition'), resolved.metrics.map((m) => [m.definitionId, m.name]), state.definition);
    definitionChanged();
    const selected = resolved.metrics.find((m) => m.definitionId === state.definition) || resolved.metrics.find((m) => m.latest) || resolved.metrics[0];
    if (selected) await select(selected);
  } catch (e) {
    showError(e);
    $('metrics').tBodies[0].replaceChildren(); $('chart').replaceChildren(); $('leaderboard').tBodies[0].replaceChildren();
  }
}

function metricRow(metric, best) {
  const row = document.createElement('tr');
  row.dataset.definition = metric.definitionId;
  const latest = metric.latest ? formatValue(metric.latest.value, state.lang) : t('none');
  const cells = [metric.name, latest, best ? formatValue(best.value, state.lang) : t('none'),
    metric.latest ? new Date(metric.latest.recordedAt).toLocaleDateString(state.lang) : ''];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.append(bdi(text)); // keeps "80.1 kg" and "8:00" in reading order inside a right-to-left page
    if (i === 1) td.className = metric.latest ? 'latest' : 'none';
    if (i === 2) td.className = best ? 'best' : 'none';
    row.append(td);
  });
  row.addEventListener('click', () => select(metric));
  return row;
}

async function select(metric) {
  state.definition = metric.definitionId;
  $('record-definition').value = metric.definitionId;
  definitionChanged();
  document.querySelectorAll('#metrics tbody tr').forEach((r) => r.classList.toggle('selected', r.dataset.definition === metric.definitionId));
  await Promise.all([chart(metric), leaderboard(metric)]);
}

async function chart(metric) {
  const page = await api(`/orgs/${org()}/members/${member()}/metrics/${metric.definitionId}/history?pageSize=500&units=${units()}`);
  const points = page.items;
  $('chart-title').textContent = `${t('history')}: ${metric.name}`;
  const svg = $('chart'), ns = 'http://www.w3.org/2000/svg';
  const make = (tag, attrs, text) => { const el = document.createElementNS(ns, tag); Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v)); if (text !== undefined) el.textContent = text; return el; };
  if (points.length === 0) { svg.replaceChildren(); return; }
  const [w, h, pad] = [640, 240, 56];
  const times = points.map((p) => Date.parse(p.recordedAt)), values = points.map((p) => p.value.amount);
  const [t0, t1] = [Math.min(...times), Math.max(...times)], [v0, v1] = [Math.min(...values), Math.max(...values)];
  const x = (v) => pad + ((v - t0) / Math.max(t1 - t0, 1)) * (w - 2 * pad);
  const y = (v) => h - 32 - ((v - v0) / Math.max(v1 - v0, 1e-9)) * (h - 64);
  const label = (amount) => formatValue({ ...points[0].value, amount }, state.lang);
  svg.replaceChildren(
    make('line', { class: 'axis', x1: pad, y1: h - 32, x2: w - 16, y2: h - 32 }),
    make('text', { x: 4, y: y(v1) + 4 }, label(v1)),
    make('text', { x: 4, y: y(v0) + 4 }, label(v0)),
    make('text', { x: pad, y: h - 8 }, new Date(t0).toLocaleDateString(state.lang)),
    make('text', { x: w - 100, y: h - 8 }, new Date(t1).toLocaleDateString(state.lang)),
    make('polyline', { class: 'line', points: points.map((p, i) => `${x(times[i]).toFixed(1)},${y(values[i]).toFixed(1)}`).join(' ') }),
    ...points.map((p, i) => make('circle', { class: 'point', cx: x(times[i]), cy: y(values[i]), r: 3.5 })));
}

async function leaderboard(metric) {
  $('leaderboard-title').textContent = `${t('leaderboard')}: ${metric.name}`;
  const body = $('leaderboard').tBodies[0];
  try {
    const board = await api(`/orgs/${org()}/leaderboards/${metric.definitionId}?pageSize=10&units=${units()}`);
    $('leaderboard-note').hidden = true;
    body.replaceChildren(...board.items.map((entry) => {
      const row = document.createElement('tr');
      row.dataset.member = entry.memberId;
      [String(entry.rank), nameOf(entry.memberId), formatValue(entry.reading.value, state.lang)].forEach((text) => {
        const td = document.createElement('td'); td.append(bdi(text)); row.append(td);
      });
      return row;
    }));
  } catch (e) {
    // A member asking for the board gets 404, exactly like a board that does not exist.
    body.replaceChildren();
    $('leaderboard-note').textContent = e.status === 404 ? t('staffOnly') : e.message;
    $('leaderboard-note').hidden = false;
  }
}

function definitionChanged() {
  const metric = state.metrics.find((m) => m.definitionId === $('record-definition').value);
  if (!metric) return;
  fill($('record-unit'), unitsOfDimension(metric.unit).map((u) => [u, symbolOf(u)]), metric.unit);
  $('record-amount').placeholder = Units[metric.unit][0] === 'time' ? '8:00' : '';
}

async function record(event) {
  event.preventDefault();
  const text = $('record-amount').value.trim().replace(',', '.');
  const duration = parseDuration(text);
  const value = duration !== null ? { amount: duration, unit: 'seconds' } : { amount: Number(text), unit: $('record-unit').value };
  const viewerIsMember = $('viewer').value === member();
  $('record-status').textContent = '';
  try {
    const reading = await api(`/orgs/${org()}/members/${member()}/metrics`, {
      method: 'POST',
      body: JSON.stringify({ definitionId: $('record-definition').value, value, source: viewerIsMember ? undefined : 'coach_input' }),
    });
    $('record-status').textContent = `${t('recorded')}: ${formatValue(reading.asRecorded, state.lang)}`;
    $('record-amount').value = '';
    state.definition = reading.definitionId;
    await resolve();
  } catch (e) {
    $('record-status').textContent = e.message;
  }
}

// CSV (header memberId,slug,amount,unit,recordedAt,source) or JSON (an array of rows, or {rows: [...]}) → API rows.
function parseImport(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed);
    return Array.isArray(parsed) ? parsed : parsed.rows;
  }
  const [header, ...lines] = trimmed.split(/\r?\n/).filter((l) => l.trim());
  const columns = header.split(',').map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    const get = (name) => cells[columns.indexOf(name)] || undefined;
    const duration = parseDuration(get('amount') || '');
    return {
      memberId: get('memberId'), slug: get('slug'), recordedAt: get('recordedAt'), source: get('source'),
      value: duration !== null ? { amount: duration, unit: 'seconds' } : { amount: Number(get('amount')), unit: get('unit') },
    };
  });
}

async function importRows() {
  const status = $('import-status'), progress = $('import-progress');
  let rows;
  try { rows = parseImport($('import-text').value); } catch (e) { status.textContent = e.message; return; }
  progress.max = rows.length; progress.value = 0;
  let recorded = 0, already = 0;
  for (let start = 0; start < rows.length; start += ImportBatch) {
    const batch = rows.slice(start, start + ImportBatch);
    status.textContent = `${t('importing')} ${start + batch.length} / ${rows.length}`;
    try {
      const result = await api(`/orgs/${org()}/metrics/import`, { method: 'POST', body: JSON.stringify({ rows: batch }) });
      recorded += result.recorded; already += result.alreadyRecorded;
      progress.value = start + batch.length;
    } catch (e) {
      const errors = (e.problem && e.problem.errors) || [];
      status.textContent = errors.length
        ? errors.slice(0, 5).map((x) => `${t('row')} ${start + x.index + 1} (${x.parameter}): ${x.message}`).join(' · ')
        : e.message;
      status.dataset.done = 'error';
      return;
    }
  }
  status.textContent = `${t('imported')}: ${rows.length} ${t('rows')} — ${recorded} ${t('newValues')}, ${already} ${t('already')}`;
  status.dataset.done = 'true';
  await resolve();
}

async function main() {
  applyLanguage();
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => { state.lang = b.dataset.lang; applyLanguage(); organizationChanged(); resolve(); }));
  state.directory = await (await fetch('/demo')).json();
  fill($('organization'), state.directory.organizations.map((o) => [o.id, o.name]), params.get('org') || state.directory.organizations.find((o) => o.name === 'Tel Aviv Barbell')?.id);
  $('units').value = params.get('units') || 'metric';
  organizationChanged();
  $('organization').addEventListener('change', () => { organizationChanged(); resolve(); });
  ['viewer', 'member', 'set', 'units'].forEach((id) => $(id).addEventListener('change', resolve));
  $('record-definition').addEventListener('change', definitionChanged);
  $('record').addEventListener('submit', record);
  $('import-start').addEventListener('click', importRows);
  $('import-file').addEventListener('change', async () => { $('import-text').value = await $('import-file').files[0].text(); });
  await resolve();
  document.body.dataset.ready = 'true';
}

main();
