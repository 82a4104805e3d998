/*
 * dvc766 public portal. Served as a file: the gateway's Content-Security-Policy allows no inline script or style.
 * Everything is read from the public API of this service (/public/v1/...); charts are SVG drawn here.
 * Live: an EventSource on /public/v1/stream; a score change of the chosen period reloads what it touches
 * (the reloads are conditional GETs, so unchanged views cost a 304). On reconnection the browser sends the last
 * event's id and the server replays what was missed, or sends 'reset' and everything is re-read.
 */
(function () {
  'use strict';

  var ZONE = 'Asia/Ho_Chi_Minh';
  var LEVELS = ['DEPARTMENT', 'DISTRICT', 'COMMUNE'];
  var state = { granularity: 'month', period: null, ruleSet: 'dvcqg-2026', units: [], province: null, unit: null,
    groupNames: {}, indicatorNames: {}, bandNames: {}, thresholds: {} };
  var cache = {}; // url -> {etag, body}
  var numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  var ratioFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'className') e.className = attrs[k];
        else if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function fmt(n) { return n === null || n === undefined ? '—' : numberFormat.format(n); }

  /** GET with If-None-Match; a 304 answers from the copy held. Resolves to null on 404. */
  function getJson(url) {
    var held = cache[url];
    var headers = { 'Accept': 'application/json' };
    if (held) headers['If-None-Match'] = held.etag;
    return fetch(url, { headers: headers }).then(function (r) {
      if (r.status === 304 && held) return held.body;
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json().then(function (body) {
        var etag = r.headers.get('ETag');
        if (etag) cache[url] = { etag: etag, body: body };
        return body;
      });
    });
  }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== null && params[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  // ---- periods ----

  function today() {
    var parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).formatToParts(new Date());
    var y = 0, m = 0;
    parts.forEach(function (p) { if (p.type === 'year') y = +p.value; if (p.type === 'month') m = +p.value; });
    return { year: y, month: m };
  }

  function periods(granularity) {
    var t = today(), out = [], i;
    if (granularity === 'month') {
      for (i = 0; i < 24; i++) {
        var idx = t.year * 12 + (t.month - 1) - i;
        var y = Math.floor(idx / 12), m = idx % 12 + 1;
        out.push({ key: y + '-' + (m < 10 ? '0' : '') + m, label: 'Tháng ' + m + '/' + y });
      }
    } else if (granularity === 'quarter') {
      var q = Math.floor((t.month - 1) / 3);
      for (i = 0; i < 12; i++) {
        var qi = t.year * 4 + q - i;
        out.push({ key: Math.floor(qi / 4) + '-Q' + (qi % 4 + 1), label: 'Quý ' + (qi % 4 + 1) + '/' + Math.floor(qi / 4) });
      }
    } else {
      for (i = 0; i < 6; i++) out.push({ key: String(t.year - i), label: 'Năm ' + (t.year - i) });
    }
    return out;
  }

  function periodLabel(key) {
    var m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m) return 'tháng ' + (+m[2]) + '/' + m[1];
    m = /^(\d{4})-Q(\d)$/.exec(key);
    if (m) return 'quý ' + m[2] + '/' + m[1];
    return /^\d{4}$/.test(key) ? 'năm ' + key : key;
  }

  function fillPeriods() {
    var select = $('ky');
    select.textContent = '';
    periods(state.granularity).forEach(function (p) { select.appendChild(el('option', { value: p.key, text: p.label })); });
    state.period = select.value;
  }

  // ---- names ----

  function bandName(code) { return code ? (state.bandNames[code] || code) : '—'; }
  function groupName(code) { return state.groupNames[code] || code; }
  function indicatorName(code) { return state.indicatorNames[code] || code; }
  /** " (ngưỡng 90%)" for an indicator scored against a threshold (known once the rule set's document arrived). */
  function thresholdNote(code) {
    var t = state.thresholds[code];
    return t === null || t === undefined ? '' : ' (ngưỡng ' + ratioFormat.format(t) + ')';
  }

  function loadDefinitions() {
    return Promise.all([getJson('/public/v1/rulesets'), getJson('/public/v1/indicators?' + query({ ruleSet: state.ruleSet }))])
      .then(function (r) {
        var ruleSets = r[0] || [], indicators = r[1] || [];
        var select = $('bo-chi-so');
        if (ruleSets.length) {
          select.textContent = '';
          ruleSets.forEach(function (rs) {
            select.appendChild(el('option', { value: rs.id, text: rs.id + (rs.defaultRuleSet ? ' (mặc định)' : '') }));
          });
          select.value = state.ruleSet;
        }
        ruleSets.forEach(function (rs) {
          rs.groups.forEach(function (g) { state.groupNames[g.code] = g.name; });
          rs.bands.forEach(function (b) { state.bandNames[b.code] = b.name; });
        });
        state.thresholds = {};
        indicators.forEach(function (i) {
          state.indicatorNames[i.code] = i.name;
          if (i.rule === 'THRESHOLD' && i.threshold !== null && i.threshold !== undefined) state.thresholds[i.code] = i.threshold;
        });
      });
  }

  function loadUnits() {
    return getJson('/public/v1/units').then(function (units) {
      state.units = units || [];
      state.province = state.units.filter(function (u) { return u.level === 'PROVINCE' && !u.parentCode; })[0] || null;
    });
  }

  function unitName(code) {
    var u = state.units.filter(function (x) { return x.code === code; })[0];
    return u ? u.name : code;
  }

  // ---- views ----

  function downloads(path, params, what) {
    var box = el('p', { className: 'downloads' });
    ['csv', 'xlsx'].forEach(function (f) {
      var p = Object.assign({}, params, { format: f });
      box.appendChild(el('a', { className: 'button', href: path + '?' + query(p), download: '',
        'aria-label': 'Tải ' + what + ' dạng ' + f.toUpperCase() }, ['Tải ' + f.toUpperCase()]));
      box.appendChild(document.createTextNode(' '));
    });
    return box;
  }

  function groupsTable(groups, captionText) {
    var table = el('table', { className: 'groups' }, [el('caption', { text: captionText })]);
    table.appendChild(el('thead', null, [el('tr', null, [
      el('th', { scope: 'col', text: 'Nhóm chỉ số' }), el('th', { scope: 'col', text: 'Điểm' }),
      el('th', { scope: 'col', text: 'Tối đa' }), el('th', { scope: 'col', text: 'Tỷ lệ đạt' })])]));
    var body = el('tbody');
    groups.forEach(function (g) {
      var meter = el('meter', { min: '0', max: String(g.max || 0), value: String(g.points || 0),
        'aria-label': groupName(g.code) + ': ' + fmt(g.points) + ' trên ' + fmt(g.max) + ' điểm' });
      body.appendChild(el('tr', { 'data-group': g.code }, [
        el('th', { scope: 'row', text: groupName(g.code) }), el('td', { className: 'num', text: fmt(g.points) }),
        el('td', { className: 'num', text: fmt(g.max) }), el('td', null, [meter])]));
    });
    table.appendChild(body);
    return table;
  }

  function renderSummary() {
    var box = $('tong-quan-noi-dung');
    if (!state.province) {
      box.textContent = '';
      box.appendChild(el('p', { className: 'empty', text: 'Chưa có dữ liệu đơn vị.' }));
      return Promise.resolve();
    }
    var code = state.province.code;
    return getJson('/public/v1/units/' + encodeURIComponent(code) + '/scorecard?' + query({ period: state.period, ruleSet: state.ruleSet }))
      .then(function (card) {
        box.textContent = '';
        $('tong-quan-tieu-de').textContent = 'Tổng quan: ' + state.province.name + ' — ' + periodLabel(state.period);
        if (!card) {
          box.appendChild(el('p', { className: 'empty', text: 'Chưa có dữ liệu cho ' + periodLabel(state.period) + '.' }));
          return;
        }
        box.appendChild(el('p', { className: 'total' }, [
          el('span', { className: 'big', id: 'tong-diem-tinh', 'data-total': String(card.total), text: fmt(card.total) }),
          ' / ' + fmt(card.max) + ' điểm — xếp loại ',
          el('strong', { className: 'band band-' + (card.band || 'NONE'), text: bandName(card.band) })]));
        box.appendChild(groupsTable(card.groups, 'Điểm theo sáu nhóm chỉ số của ' + state.province.name));
        box.appendChild(el('p', null, [el('button', { type: 'button', className: 'link', 'data-unit': code },
          ['Xem bảng điểm chi tiết của ' + state.province.name])]));
      });
  }

  function renderRanking(level) {
    var section = $('xep-hang-' + level);
    var body = section.querySelector('.ranking-body');
    var params = { period: state.period, level: level, ruleSet: state.ruleSet };
    if (state.province && level !== 'COMMUNE') params.parent = state.province.code;
    return getJson('/public/v1/rankings?' + query(params)).then(function (r) {
      body.textContent = '';
      var caption = section.querySelector('h3').textContent + ' — ' + periodLabel(state.period);
      if (!r || (!r.items.length && !r.noData.length)) {
        body.appendChild(el('p', { className: 'empty', text: 'Chưa có dữ liệu cho ' + periodLabel(state.period) + '.' }));
        return;
      }
      var table = el('table', { className: 'ranking-table' }, [el('caption', { text: 'Xếp hạng ' + caption })]);
      table.appendChild(el('thead', null, [el('tr', null, [
        el('th', { scope: 'col', text: 'Hạng' }), el('th', { scope: 'col', text: 'Đơn vị' }),
        el('th', { scope: 'col', text: 'Tổng điểm' }), el('th', { scope: 'col', text: 'Xếp loại' }),
        el('th', { scope: 'col', text: 'So với kỳ trước' })])]));
      var tbody = el('tbody');
      r.items.forEach(function (i) {
        var change = i.change === null || i.change === undefined ? '—' : (i.change > 0 ? '+' : '') + fmt(i.change);
        tbody.appendChild(el('tr', { 'data-unit': i.unitCode }, [
          el('td', { className: 'num rank', text: String(i.rank) }),
          el('th', { scope: 'row' }, [el('button', { type: 'button', className: 'link', 'data-unit': i.unitCode },
            [i.name || i.unitCode])]),
          el('td', { className: 'num total', 'data-total': String(i.total), text: fmt(i.total) }),
          el('td', { text: bandName(i.band) }),
          el('td', { className: 'num', text: change })]));
      });
      r.noData.forEach(function (n) {
        tbody.appendChild(el('tr', { className: 'no-data', 'data-unit': n.unitCode }, [
          el('td', { className: 'num', text: '—' }),
          el('th', { scope: 'row' }, [el('button', { type: 'button', className: 'link', 'data-unit': n.unitCode },
            [n.name || n.unitCode])]),
          el('td', { colspan: '3', text: 'Chưa có dữ liệu' })]));
      });
      table.appendChild(tbody);
      body.appendChild(table);
      body.appendChild(downloads('/public/v1/rankings', params, 'bảng xếp hạng ' + caption));
    });
  }

  function renderScorecard(focus) {
    if (!state.unit) return Promise.resolve();
    var code = state.unit;
    var section = $('bang-diem');
    var box = $('bang-diem-noi-dung');
    section.hidden = false;
    var params = { period: state.period, ruleSet: state.ruleSet };
    return getJson('/public/v1/units/' + encodeURIComponent(code) + '/scorecard?' + query(params)).then(function (card) {
      var name = (card && card.name) || unitName(code);
      $('bang-diem-tieu-de').textContent = 'Bảng điểm: ' + name + ' — ' + periodLabel(state.period);
      box.textContent = '';
      if (!card) {
        box.appendChild(el('p', { className: 'empty', text: 'Chưa có dữ liệu cho ' + periodLabel(state.period) + '.' }));
      } else {
        box.appendChild(el('p', { className: 'total' }, [
          el('span', { className: 'big', id: 'tong-diem-don-vi', 'data-total': String(card.total), text: fmt(card.total) }),
          ' / ' + fmt(card.max) + ' điểm — xếp loại ', el('strong', { text: bandName(card.band) }),
          el('span', { className: 'as-of', text: ' (công bố lúc ' + new Date(card.asOf).toLocaleString('vi-VN', { timeZone: ZONE }) + ')' })]));
        box.appendChild(groupsTable(card.groups, 'Điểm theo nhóm chỉ số của ' + name));
        box.appendChild(indicatorsTable(card, name));
        box.appendChild(downloads('/public/v1/units/' + encodeURIComponent(code) + '/scorecard', params, 'bảng điểm của ' + name));
      }
      if (focus) $('bang-diem-tieu-de').focus();
      return renderTrend(code, name);
    });
  }

  function indicatorsTable(card, name) {
    var table = el('table', { className: 'indicators', id: 'chi-tieu' },
      [el('caption', { text: 'Từng chỉ tiêu của ' + name + ': tử số, mẫu số và điểm bị mất' })]);
    table.appendChild(el('thead', null, [el('tr', null, ['Chỉ tiêu', 'Nhóm', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Điểm', 'Tối đa', 'Điểm bị mất']
      .map(function (h) { return el('th', { scope: 'col', text: h }); }))]));
    var tbody = el('tbody');
    card.indicators.forEach(function (i) {
      var lost = i.max !== null && i.points !== null ? Math.round((i.max - i.points) * 100) / 100 : null;
      var row = el('tr', { 'data-indicator': i.code, className: lost > 0 ? 'lost' : null }, [
        el('th', { scope: 'row', text: indicatorName(i.code) + thresholdNote(i.code) + (i.applicable ? '' : ' (không áp dụng)') }),
        el('td', { text: groupName(i.group) }),
        el('td', { className: 'num numerator', 'data-value': String(i.numerator), text: fmt(i.numerator) }),
        el('td', { className: 'num denominator', 'data-value': String(i.denominator), text: fmt(i.denominator) }),
        el('td', { className: 'num', text: i.ratio === null || i.ratio === undefined ? '—' : ratioFormat.format(i.ratio) }),
        el('td', { className: 'num', text: fmt(i.points) }),
        el('td', { className: 'num', text: fmt(i.max) }),
        el('td', { className: 'num', text: lost > 0 ? '−' + fmt(lost) : '0' })]);
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    return table;
  }

  /** A line of the totals over the last periods, drawn as SVG, with the figures as a table for screen readers. */
  function renderTrend(code, name) {
    var box = $('xu-huong');
    return getJson('/public/v1/units/' + encodeURIComponent(code) + '/history?' + query({ granularity: state.granularity,
      to: state.period, ruleSet: state.ruleSet })).then(function (h) {
      box.textContent = '';
      if (!h) return;
      var W = 640, H = 220, L = 40, R = 10, T = 10, B = 40;
      var pts = h.points;
      var ns = 'http://www.w3.org/2000/svg';
      var svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-labelledby', 'xu-huong-svg-title');
      svg.setAttribute('class', 'trend');
      var title = document.createElementNS(ns, 'title');
      title.setAttribute('id', 'xu-huong-svg-title');
      title.textContent = 'Tổng điểm của ' + name + ' từ ' + periodLabel(h.from) + ' đến ' + periodLabel(h.to);
      svg.appendChild(title);
      function line(x1, y1, x2, y2, cls) {
        var l = document.createElementNS(ns, 'line');
        l.setAttribute('x1', x1); l.setAttribute('y1', y1); l.setAttribute('x2', x2); l.setAttribute('y2', y2);
        l.setAttribute('class', cls);
        svg.appendChild(l);
      }
      function text(x, y, s, cls) {
        var t = document.createElementNS(ns, 'text');
        t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('class', cls);
        t.textContent = s;
        svg.appendChild(t);
      }
      var max = 100;
      pts.forEach(function (p) { if (p.max) max = Math.max(max, p.max); });
      var step = pts.length > 1 ? (W - L - R) / (pts.length - 1) : 0;
      function x(i) { return L + i * step; }
      function y(v) { return T + (H - T - B) * (1 - v / max); }
      [0, 25, 50, 75, 100].forEach(function (v) {
        line(L, y(v * max / 100), W - R, y(v * max / 100), 'grid');
        text(L - 6, y(v * max / 100) + 4, fmt(v * max / 100), 'axis-y');
      });
      var path = '';
      pts.forEach(function (p, i) {
        if (i % Math.ceil(pts.length / 8) === 0 || i === pts.length - 1) text(x(i), H - B + 18, p.period, 'axis-x');
        if (p.total === null || p.total === undefined) { path += ' '; return; }
        path += (path.length && path[path.length - 1] !== ' ' ? ' L' : ' M') + x(i).toFixed(1) + ' ' + y(p.total).toFixed(1);
      });
      var d = document.createElementNS(ns, 'path');
      d.setAttribute('d', path.replace(/\s+/g, ' ').trim().replace(/^L/, 'M'));
      d.setAttribute('class', 'series');
      svg.appendChild(d);
      pts.forEach(function (p, i) {
        if (p.total === null || p.total === undefined) return;
        var c = document.createElementNS(ns, 'circle');
        c.setAttribute('cx', x(i)); c.setAttribute('cy', y(p.total)); c.setAttribute('r', 3.5);
        c.setAttribute('class', 'dot');
        var t = document.createElementNS(ns, 'title');
        t.textContent = periodLabel(p.period) + ': ' + fmt(p.total) + ' điểm';
        c.appendChild(t);
        svg.appendChild(c);
      });
      box.appendChild(svg);
      var details = el('details', null, [el('summary', { text: 'Số liệu của biểu đồ' })]);
      var table = el('table', null, [el('caption', { text: title.textContent })]);
      table.appendChild(el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Kỳ' }),
        el('th', { scope: 'col', text: 'Tổng điểm' }), el('th', { scope: 'col', text: 'Xếp loại' })])]));
      var tb = el('tbody');
      pts.forEach(function (p) {
        tb.appendChild(el('tr', null, [el('th', { scope: 'row', text: periodLabel(p.period) }),
          el('td', { className: 'num', text: p.total === null ? 'Chưa có dữ liệu' : fmt(p.total) }),
          el('td', { text: p.total === null ? '—' : bandName(p.band) })]));
      });
      table.appendChild(tb);
      details.appendChild(table);
      box.appendChild(details);
      box.appendChild(downloads('/public/v1/units/' + encodeURIComponent(code) + '/history',
        { granularity: state.granularity, to: state.period, ruleSet: state.ruleSet }, 'diễn biến điểm của ' + name));
    });
  }

  // ---- orchestration ----

  function status(text) { $('trang-thai').textContent = text; }

  function refreshAll() {
    return Promise.all([renderSummary()].concat(LEVELS.map(renderRanking)).concat([renderScorecard(false)]))
      .catch(function (e) { status('Không tải được dữ liệu: ' + e.message); });
  }

  var pending = null;
  /** Several changes in a burst (a recompute) make one reload. */
  function scheduleRefresh(change) {
    if (pending) return;
    pending = setTimeout(function () {
      pending = null;
      refreshAll().then(function () {
        var time = new Date().toLocaleTimeString('vi-VN', { timeZone: ZONE });
        status('Cập nhật trực tiếp lúc ' + time + ': điểm của ' + unitName(change.unitCode) + ' vừa thay đổi.');
        document.body.setAttribute('data-last-update', change.unitCode + '@' + change.version);
      });
    }, 250);
  }

  function connectLive() {
    if (!window.EventSource) return;
    var source = new EventSource('/public/v1/stream');
    source.addEventListener('open', function () { document.body.setAttribute('data-live', 'open'); });
    source.addEventListener('error', function () { document.body.setAttribute('data-live', 'reconnecting'); });
    source.addEventListener('score', function (e) {
      var change;
      try { change = JSON.parse(e.data); } catch (err) { return; }
      if (change.ruleSet !== state.ruleSet || change.period !== state.period) return;
      scheduleRefresh(change);
    });
    // after a long absence the server cannot replay what was missed (Last-Event-ID): re-read everything
    source.addEventListener('reset', function () {
      refreshAll().then(function () { status('Đã kết nối lại: dữ liệu vừa được tải lại.'); });
    });
  }

  function openUnit(code) {
    state.unit = code;
    renderScorecard(true).catch(function (e) { status('Không tải được bảng điểm: ' + e.message); });
  }

  function init() {
    fillPeriods();
    $('ky-loai').addEventListener('change', function () {
      state.granularity = $('ky-loai').value;
      fillPeriods();
      refreshAll();
    });
    $('ky').addEventListener('change', function () { state.period = $('ky').value; refreshAll(); });
    $('bo-chi-so').addEventListener('change', function () {
      state.ruleSet = $('bo-chi-so').value;
      loadDefinitions().then(refreshAll);
    });
    $('bo-loc').addEventListener('submit', function (e) { e.preventDefault(); });
    document.addEventListener('click', function (e) {
      var b = e.target.closest ? e.target.closest('button[data-unit]') : null;
      if (b) openUnit(b.getAttribute('data-unit'));
    });
    Promise.all([loadUnits(), loadDefinitions()])
      .then(refreshAll)
      .then(function () {
        status('Số liệu ' + periodLabel(state.period) + '. Trang tự cập nhật khi điểm thay đổi.');
        document.body.setAttribute('data-ready', 'true');
      })
      .catch(function (e) { status('Không tải được dữ liệu: ' + e.message); });
    connectLive();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
