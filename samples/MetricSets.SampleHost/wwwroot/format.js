// How the page shows values: durations as durations (8:00, not 480 seconds), amounts at a precision that fits the unit,
// the unit's short symbol. The API sends {amount, unit, symbol}; the unit is its machine name ("seconds"), the symbol
// its display form ("s").
const Units = {
  // unit → [dimension, how many of the dimension's base unit one is, decimals shown]
  kg: ['mass', 1, 1], lb: ['mass', 0.45359237, 1],
  seconds: ['time', 1, 0], minutes: ['time', 60, 0], hours: ['time', 3600, 0],
  meters: ['length', 1, 0], kilometers: ['length', 1000, 2], centimeters: ['length', 0.01, 1],
  miles: ['length', 1609.344, 2], yards: ['length', 0.9144, 0], feet: ['length', 0.3048, 1], inches: ['length', 0.0254, 1],
  '%': ['ratio', 1, 1], reps: ['count', 1, 0], bpm: ['frequency', 1, 0], watts: ['power', 1, 0], kj: ['energy', 1, 0], kcal: ['energy', 4.184, 0],
};
const Symbols = { seconds: 's', minutes: 'min', hours: 'h', meters: 'm', kilometers: 'km', centimeters: 'cm', miles: 'mi', yards: 'yd', feet: 'ft', inches: 'in', watts: 'W', kj: 'kJ' };

function unitsOfDimension(unit) {
  const dimension = (Units[unit] || [])[0];
  return Object.keys(Units).filter((u) => Units[u][0] === dimension);
}

function symbolOf(unit) { return Symbols[unit] || unit; }

// 480 → "8:00"; 3723 → "1:02:03"; 65.5 → "1:05.5"
function formatDuration(totalSeconds) {
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(totalSeconds * 10) / 10);
  const hours = Math.floor(rest / 3600); rest -= hours * 3600;
  const minutes = Math.floor(rest / 60); rest -= minutes * 60;
  const whole = Math.floor(rest), tenths = Math.round((rest - whole) * 10);
  const seconds = String(whole).padStart(2, '0') + (tenths ? `.${tenths}` : '');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${sign}${minutes}:${seconds}`;
}

// "8:00" → 480, "1:02:03" → 3723, "8:24.5" → 504.5; null when it is not a duration.
function parseDuration(text) {
  if (!/^\d+(:\d{1,2}){1,2}(\.\d+)?$/.test(text.trim())) return null;
  return text.trim().split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function formatValue(value, lang) {
  if (!value) return '';
  const [dimension, factor, decimals] = Units[value.unit] || ['', 1, 2];
  if (dimension === 'time') return formatDuration(value.amount * factor);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: decimals }).format(value.amount);
  return `${number} ${value.symbol || symbolOf(value.unit)}`;
}
