/*
 * Offer coach widget: one <script src="http://HOST:PORT/widget.js" data-title="Offer coach" defer>
 * on any page adds a chat bubble that opens a panel answering from the salary guides.
 *
 * Self-contained: no dependencies, no CDN. Everything lives in an open shadow root so host CSS
 * cannot reach in and ours cannot leak out. Server text is never parsed as HTML: the small
 * Markdown subset the answers use is turned into DOM nodes with createElement/textContent.
 *
 * Options on the script tag: data-title (panel title), data-position="left" (default right),
 * data-token (an embed token the page's server minted) or data-token-url (a URL of the page's
 * own site that returns {"token": "..."}; fetched before the first question), for coach
 * servers that require signed embed tokens instead of an origin allow-list, and
 * data-remember="off" (keep no conversation in the browser).
 *
 * The conversation (questions and the answers' JSON, never HTML) is kept in the page's
 * localStorage, so a reload or the next page of the site shows it again; the panel's Clear
 * button empties it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src || window.__offerCoachWidget) return;
  window.__offerCoachWidget = true;

  var ORIGIN = new URL(script.src, document.baseURI).origin;
  var TITLE = (script.getAttribute("data-title") || "").trim() || "Offer coach";
  var POSITION = script.getAttribute("data-position") === "left" ? "left" : "right";
  var TOKEN = (script.getAttribute("data-token") || "").trim();
  var TOKEN_URL = (script.getAttribute("data-token-url") || "").trim();
  var tokenPromise = null;
  var MAX_QUESTION = 2000;
  var MAX_HISTORY = 10;
  var REMEMBER = script.getAttribute("data-remember") !== "off";
  var STORE_KEY = "offer-coach-widget:" + ORIGIN;  // one conversation per coach server
  var MAX_KEPT = 20;  // question-and-answer turns kept in the browser

  var CSS = [
    ":host { all: initial !important; }",
    ".root { all: initial; font: 400 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto,",
    "  'Helvetica Neue', Arial, sans-serif; color: #1f2937; -webkit-font-smoothing: antialiased; }",
    ".root *, .root *::before, .root *::after { box-sizing: border-box; font: inherit;",
    "  color: inherit; letter-spacing: normal; text-transform: none; }",
    ".bubble { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; width: 58px;",
    "  height: 58px; border: 0; border-radius: 50%; padding: 0; cursor: pointer; color: #fff;",
    "  background: linear-gradient(135deg, #4f46e5, #0e7490); display: grid;",
    "  place-items: center; box-shadow: 0 10px 25px rgba(15, 23, 42, .28);",
    "  transition: transform .15s ease, box-shadow .15s ease; }",
    ".bubble:hover { transform: translateY(-2px); box-shadow: 0 14px 30px rgba(15,23,42,.34); }",
    ".bubble svg { width: 28px; height: 28px; fill: none; stroke: #fff; stroke-width: 2;",
    "  stroke-linecap: round; stroke-linejoin: round; }",
    ".left .bubble { right: auto; left: 20px; }",
    ".panel { position: fixed; bottom: 92px; right: 20px; z-index: 2147483001;",
    "  width: 380px; height: min(620px, calc(100vh - 120px)); display: flex;",
    "  flex-direction: column; background: #fff; border-radius: 16px; overflow: hidden;",
    "  box-shadow: 0 24px 60px rgba(15, 23, 42, .28), 0 0 0 1px rgba(15, 23, 42, .06); }",
    ".left .panel { right: auto; left: 20px; }",
    ".panel[hidden] { display: none; }",
    ".header { display: flex; align-items: center; gap: 10px; padding: 14px 14px 14px 18px;",
    "  color: #fff; background: linear-gradient(135deg, #4f46e5, #0e7490); }",
    ".header-text { flex: 1; min-width: 0; }",
    ".title { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3;",
    "  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }",
    ".subtitle { margin: 2px 0 0; font-size: 12px; opacity: .85; }",
    ".close, .clear { flex: none; width: 34px; height: 34px; border: 0; border-radius: 8px;",
    "  background: rgba(255,255,255,.14); color: #fff; cursor: pointer; display: grid;",
    "  place-items: center; padding: 0; }",
    ".close:hover, .clear:hover { background: rgba(255,255,255,.26); }",
    ".clear[hidden] { display: none; }",
    ".close svg, .clear svg { width: 18px; height: 18px; stroke: #fff; stroke-width: 2.2;",
    "  fill: none;",
    "  stroke-linecap: round; }",
    ".log { position: relative; flex: 1; overflow-y: auto; padding: 16px 14px;",
    "  background: #f6f7fb; overscroll-behavior: contain;",
    "  display: flex; flex-direction: column; gap: 12px; }",
    ".msg { max-width: 85%; padding: 10px 13px; border-radius: 14px; overflow-wrap: anywhere; }",
    ".msg.bot { max-width: 94%; }",
    ".user { align-self: flex-end; background: #4f46e5; color: #fff;",
    "  border-bottom-right-radius: 4px; white-space: pre-wrap; }",
    ".bot { align-self: flex-start; background: #fff; color: #1f2937;",
    "  border: 1px solid #e5e7eb; border-bottom-left-radius: 4px; }",
    ".bot.note { background: #fffbeb; border-color: #fde68a; }",
    ".bot.error { background: #fef2f2; border-color: #fecaca; color: #991b1b; }",
    ".body p { margin: 0 0 8px; } .body p:last-child { margin-bottom: 0; }",
    ".body ul, .body ol { margin: 0 0 8px; padding-left: 20px; }",
    ".body li { margin: 2px 0; } .body .heading { font-weight: 650; }",
    ".body blockquote { margin: 0 0 8px; padding: 4px 0 4px 10px; color: #374151;",
    "  border-left: 3px solid #c7d2fe; }",
    ".body strong { font-weight: 650; } .body em { font-style: italic; color: #6b7280; }",
    ".body code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace;",
    "  font-size: 12.5px; background: #f3f4f6; padding: 1px 4px; border-radius: 4px; }",
    ".body a { color: #4338ca; text-decoration: underline; }",
    "a.cite { display: inline-block; min-width: 18px; padding: 0 5px; margin: 0 1px;",
    "  border-radius: 9px; background: #eef2ff; color: #4338ca; font-size: 11px;",
    "  font-weight: 650; line-height: 18px; text-align: center; text-decoration: none;",
    "  vertical-align: 1px; }",
    "a.cite:hover { background: #c7d2fe; }",
    ".sources { margin-top: 10px; padding-top: 8px; border-top: 1px solid #eef0f4;",
    "  display: flex; flex-wrap: wrap; gap: 6px; }",
    ".sources-label { width: 100%; font-size: 11px; font-weight: 650; color: #6b7280;",
    "  text-transform: uppercase; letter-spacing: .04em; }",
    "a.source { display: inline-flex; align-items: center; gap: 5px; max-width: 100%;",
    "  padding: 3px 9px; border-radius: 999px; background: #f3f4f6; color: #374151;",
    "  font-size: 12px; text-decoration: none; border: 1px solid #e5e7eb; }",
    "a.source:hover { background: #eef2ff; border-color: #c7d2fe; color: #3730a3; }",
    ".source-n { font-weight: 700; color: #4338ca; }",
    ".source-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }",
    ".chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }",
    ".tablewrap { overflow-x: auto; margin: 6px 0; }",
    ".body table { border-collapse: collapse; font-size: 12px; width: 100%; }",
    ".body th, .body td { border: 1px solid #e5e7eb; padding: 3px 6px; text-align: left;",
    "  vertical-align: top; }",
    ".body th { background: #f9fafb; font-weight: 650; }",
    ".bands { margin-top: 10px; font-size: 11px; color: #374151; }",
    ".bands-title { font-weight: 650; margin: 6px 0 2px; }",
    ".band { display: flex; align-items: center; gap: 6px; margin: 3px 0; }",
    ".band-label { width: 38%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }",
    ".band-track { position: relative; flex: 1; height: 10px; background: #f3f4f6;",
    "  border-radius: 5px; }",
    ".band-bar { position: absolute; top: 0; height: 10px; border-radius: 5px;",
    "  background: #6366f1; opacity: .85; }",
    ".band-marker { position: absolute; top: -3px; width: 2px; height: 16px; background: #dc2626; }",
    ".band-you { color: #dc2626; font-weight: 650; }",
    ".chip { border: 1px solid #c7d2fe; background: #eef2ff; color: #3730a3; cursor: pointer;",
    "  border-radius: 999px; padding: 5px 11px; font-size: 13px; text-align: left; }",
    ".chip:hover { background: #e0e7ff; }",
    ".typing { display: inline-flex; gap: 4px; padding: 4px 0; }",
    ".typing span { width: 7px; height: 7px; border-radius: 50%; background: #9ca3af;",
    "  animation: blink 1.2s infinite ease-in-out; }",
    ".typing span:nth-child(2) { animation-delay: .2s; }",
    ".typing span:nth-child(3) { animation-delay: .4s; }",
    "@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }",
    ".form { display: flex; gap: 8px; padding: 12px; border-top: 1px solid #e5e7eb;",
    "  background: #fff; }",
    ".input { flex: 1; min-width: 0; border: 1px solid #d1d5db; border-radius: 10px;",
    "  padding: 10px 12px; background: #fff; color: #111827; font-size: 14px; }",
    ".input::placeholder { color: #9ca3af; }",
    ".send { flex: none; border: 0; border-radius: 10px; padding: 0 16px; cursor: pointer;",
    "  background: #4f46e5; color: #fff; font-weight: 600; }",
    ".send:hover { background: #4338ca; }",
    ".send:disabled { background: #a5b4fc; cursor: progress; }",
    ".footer { margin: 0; padding: 0 12px 10px; background: #fff; color: #6b7280;",
    "  font-size: 11px; text-align: center; }",
    ".sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;",
    "  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    ".root :focus { outline: none; }",
    ".root :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }",
    ".input:focus-visible { outline: 2px solid #4f46e5; outline-offset: 0;",
    "  border-color: #4f46e5; }",
    "@media (max-width: 400px) {",
    "  .panel, .left .panel { left: 0; right: 0; top: 0; bottom: 0; width: 100%;",
    "    height: 100%; border-radius: 0; }",
    "  .msg.bot { max-width: 100%; }",
    "  .input { font-size: 16px; }",
    "}",
    "@media (prefers-reduced-motion: reduce) {",
    "  .bubble, .typing span { transition: none; animation: none; }",
    "}"
  ].join("\n");

  /* ---------- DOM helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function icon(paths) {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    paths.forEach(function (d) {
      var path = document.createElementNS(NS, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
    });
    return svg;
  }

  var CHAT_ICON = ["M5 4h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-7l-5 4v-4H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
    "M8 10.5h.01", "M12 10.5h.01", "M16 10.5h.01"];
  var CLOSE_ICON = ["M6 6l12 12", "M18 6L6 18"];
  var DOWN_ICON = ["M6 9l6 6 6-6"];
  var CLEAR_ICON = ["M4 7h16", "M10 11v6", "M14 11v6", "M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12",
    "M9 7V4h6v3"];

  /* ---------- The conversation kept in this browser ---------- */

  function loadTurns() {
    if (!REMEMBER) return [];
    try {
      var kept = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
      if (!kept || kept.v !== 1 || !Array.isArray(kept.turns)) return [];
      return kept.turns.filter(function (t) {
        return t && typeof t.question === "string" && t.result && typeof t.result === "object" &&
          typeof t.result.answer === "string";
      }).slice(-MAX_KEPT);
    } catch (e) { return []; }  // storage off (privacy mode, sandbox) or unreadable: start empty
  }

  function saveTurns(turns) {
    if (!REMEMBER) return;
    try {
      if (turns.length) {
        window.localStorage.setItem(STORE_KEY, JSON.stringify({ v: 1, turns: turns }));
      } else {
        window.localStorage.removeItem(STORE_KEY);
      }
    } catch (e) { /* full or off: the conversation is simply not kept */ }
  }

  // What an answer needs to be drawn again: its text, citations, chips and bands.
  function keptResult(done) {
    return { status: String(done.status || ""), answer: String(done.answer || ""),
             citations: Array.isArray(done.citations) ? done.citations : [],
             suggestions: Array.isArray(done.suggestions) ? done.suggestions : [],
             bands: Array.isArray(done.bands) ? done.bands : [] };
  }

  function guideUrl(guide, section) {
    var path = String(guide || "").split("/").map(encodeURIComponent).join("/");
    var hash = section ? "#" + encodeURIComponent(String(section)) : "";
    return ORIGIN + "/api/guides/" + path + hash;
  }

  function externalLink(href, text) {
    var a = el("a", "", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  /* ---------- Minimal Markdown -> DOM (no HTML parsing, ever) ---------- */

  // Alternatives, in order: image (alt text only), **bold**, [n] marker, [text](url "title"),
  // `code`, _italic_. A URL may hold one level of parentheses.
  var URL_PART = '((?:[^()\\s]|\\([^()\\s]*\\))+)(?:\\s+"[^"]*")?\\)';
  var INLINE = new RegExp([
    '!\\[([^\\]]*)\\]\\(' + URL_PART.replace("(", "(?:"),
    '\\*\\*([^*]+?)\\*\\*',
    '\\[(\\d{1,3})\\]',
    '\\[([^\\]]+)\\]\\(' + URL_PART,
    '`([^`]+)`',
    '(^|[^\\w])_([^_]+?)_(?!\\w)'
  ].join("|"));

  function appendInline(parent, text, cites) {
    var pattern = new RegExp(INLINE.source, "g");  // own lastIndex: this function recurses
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var start = match.index;
      if (match[7] !== undefined) start += match[7].length;  // keep the char before _x_
      if (start > last) parent.appendChild(document.createTextNode(text.slice(last, start)));
      if (match[1] !== undefined) {
        parent.appendChild(document.createTextNode(match[1]));  // images never load
      } else if (match[2] !== undefined) {
        appendInline(parent.appendChild(el("strong")), match[2], cites);
      } else if (match[3] !== undefined) {
        parent.appendChild(citeMarker(match[3], cites));
      } else if (match[4] !== undefined) {
        parent.appendChild(safeLink(match[4], match[5]));
      } else if (match[6] !== undefined) {
        parent.appendChild(el("code", "", match[6]));
      } else {
        appendInline(parent.appendChild(el("em")), match[8], cites);
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function citeMarker(n, cites) {
    var cite = cites[n];
    if (!cite) return document.createTextNode("[" + n + "]");
    var a = externalLink(guideUrl(cite.guide, cite.section), n);
    a.className = "cite";
    a.setAttribute("aria-label", "Source " + n + ": " + (cite.title || cite.guide));
    a.title = cite.title || cite.guide;
    return a;
  }

  function safeLink(text, href) {
    // Only absolute http(s) links become anchors; anything else (javascript:, data:) is text.
    var url;
    try { url = new URL(href); } catch (e) { return document.createTextNode(text); }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return document.createTextNode(text);
    }
    return externalLink(url.href, text);
  }

  function renderMarkdown(container, text, cites) {
    container.textContent = "";
    var blocks = String(text || "").replace(/\r\n?/g, "\n").split(/\n{2,}/);
    blocks.forEach(function (block) { renderBlock(container, block, cites); });
  }

  // One blank-line-separated block: runs of "> " lines become a blockquote, "- " / "1. " lines
  // a list (continuing a list of the same kind right before it), other lines a paragraph.
  function renderBlock(parent, block, cites) {
    var lines = block.split("\n").filter(function (l) { return l.trim(); });
    var rows = lines.filter(function (l) { return /^\s*\|/.test(l); });
    if (rows.length >= 2 && rows.length === lines.length - (/^\s*\|/.test(lines[0]) ? 0 : 1)) {
      if (rows.length !== lines.length) renderBlock(parent, lines[0], cites);  // its caption
      renderTable(parent, rows, cites);
      return;
    }
    var para = [];
    var quote = [];
    var list = parent.lastChild && /^(UL|OL)$/.test(parent.lastChild.tagName) ?
      parent.lastChild : null;
    function flushPara() {
      if (!para.length) return;
      var heading = /^#{1,6}\s+/.test(para[0]);
      var p = parent.appendChild(el("p", heading ? "heading" : ""));
      appendInline(p, para.join(" ").replace(/^#{1,6}\s+/, ""), cites);
      para = [];
    }
    function flushQuote() {
      if (!quote.length) return;
      renderMarkdown(parent.appendChild(el("blockquote")), quote.join("\n"), cites);
      quote = [];
    }
    block.split("\n").forEach(function (line) {
      if (!line.trim()) return;
      if (/^\s*>/.test(line)) {
        flushPara();
        list = null;
        quote.push(line.replace(/^\s*> ?/, ""));
        return;
      }
      flushQuote();
      var item = /^\s*(?:([-*+])|\d{1,3}[.)])\s+(.*)$/.exec(line);
      if (item) {
        flushPara();
        var tag = item[1] ? "UL" : "OL";
        if (!list || list.tagName !== tag) list = parent.appendChild(el(tag.toLowerCase()));
        appendInline(list.appendChild(el("li")), item[2], cites);
      } else {
        list = null;
        if (/^#{1,6}\s/.test(line)) flushPara();  // a heading is a paragraph of its own
        para.push(line.trim());
        if (/^#{1,6}\s/.test(line)) flushPara();
      }
    });
    flushPara();
    flushQuote();
  }

  // A Markdown table ("| a | b |" lines, the second one "|---|---|") as a DOM table.
  function renderTable(parent, rows, cites) {
    var wrap = parent.appendChild(el("div", "tablewrap"));
    var table = wrap.appendChild(el("table"));
    var body = null;
    rows.forEach(function (line, i) {
      var cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
      if (i === 1 && cells.every(function (c) { return /^\s*:?-+:?\s*$/.test(c); })) return;
      var section = i === 0 ? table.appendChild(el("thead")) :
        (body = body || table.appendChild(el("tbody")));
      var tr = section.appendChild(el("tr"));
      cells.forEach(function (cell) {
        appendInline(tr.appendChild(el(i === 0 ? "th" : "td")),
                     cell.trim().replace(/\\\|/g, "|"), cites);
      });
    });
  }

  // A compact band chart: one bar per band on an axis per currency, the person's figure
  // (band.marker) as a red line. Built from numbers with createElement and style only.
  function showBands(parent, bands) {
    var byCurrency = {};
    bands.forEach(function (b) {
      var low = Number(b.low), high = Number(b.high);
      if (!isFinite(low) || !isFinite(high) || high <= 0) return;
      (byCurrency[b.currency] = byCurrency[b.currency] || []).push(b);
    });
    var currencies = Object.keys(byCurrency);
    if (!currencies.length) return;
    var box = parent.appendChild(el("div", "bands"));
    box.setAttribute("aria-label", "Pay bands");
    currencies.forEach(function (currency) {
      var group = byCurrency[currency].slice(0, 12);
      var top = 0;
      group.forEach(function (b) {
        top = Math.max(top, Number(b.high), Number(b.marker || 0));
      });
      box.appendChild(el("div", "bands-title", "Bands in " + currency));
      group.forEach(function (b) {
        var row = box.appendChild(el("div", "band"));
        var what = (b.label || "") + " · " + String(b.component || "").replace("_", " ");
        var label = row.appendChild(el("span", "band-label", what));
        label.title = what + ": " + money(b.low, currency) + "–" + money(b.high, currency);
        var track = row.appendChild(el("span", "band-track"));
        var bar = track.appendChild(el("span", "band-bar"));
        bar.style.left = (100 * Number(b.low) / top).toFixed(2) + "%";
        bar.style.width = Math.max(1, 100 * (Number(b.high) - Number(b.low)) / top).toFixed(2) + "%";
        if (b.marker !== undefined && b.marker !== null && isFinite(Number(b.marker))) {
          var mark = track.appendChild(el("span", "band-marker"));
          mark.style.left = Math.min(99.5, 100 * Number(b.marker) / top).toFixed(2) + "%";
          mark.title = "Your figure: " + money(b.marker, currency);
          row.appendChild(el("span", "band-you", "you " + money(b.marker, currency)));
        }
      });
    });
  }

  function money(value, currency) {
    var v = Number(value);
    var sizes = [[1e9, "B"], [1e6, "M"], [1e3, "K"]];
    for (var i = 0; i < sizes.length; i++) {
      if (Math.abs(v) >= sizes[i][0]) {
        return currency + " " + String(Math.round(100 * v / sizes[i][0]) / 100) + sizes[i][1];
      }
    }
    return currency + " " + String(Math.round(v));
  }

  /* ---------- SSE over fetch ---------- */

  function readEvents(body, onEvent) {
    var reader = body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function dispatch(block) {
      var name = "message";
      var data = [];
      block.split("\n").forEach(function (line) {
        if (!line || line.charAt(0) === ":") return;
        var colon = line.indexOf(":");
        var field = colon < 0 ? line : line.slice(0, colon);
        var value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") name = value;
        else if (field === "data") data.push(value);
      });
      if (!data.length) return;
      var parsed;
      try { parsed = JSON.parse(data.join("\n")); } catch (e) { parsed = data.join("\n"); }
      onEvent(name, parsed);
    }
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          buffer += decoder.decode();
          if (buffer.trim()) dispatch(buffer.replace(/\r\n?/g, "\n"));
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        buffer = buffer.replace(/\r\n?/g, "\n");
        var cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          dispatch(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
        return pump();
      });
    }
    return pump();
  }

  /* The embed token: the attribute's, or the one the page's own site hands out (once). */
  function embedToken() {
    if (TOKEN || !TOKEN_URL) return Promise.resolve(TOKEN);
    if (!tokenPromise) {
      tokenPromise = fetch(TOKEN_URL, { credentials: "same-origin" }).then(function (r) {
        return r.ok ? r.json() : {};
      }).then(function (data) {
        return data && typeof data.token === "string" ? data.token : "";
      }).catch(function () { return ""; });
    }
    return tokenPromise;
  }

  function httpErrorMessage(response, payload) {
    var said = payload && typeof payload.error === "string" ? payload.error : "";
    if (response.status === 429) {
      var wait = parseInt(response.headers.get("Retry-After") || "", 10);
      // Retry-After is readable cross-origin only when the server exposes it; else use its text.
      if (!(wait > 0) && said) return said;
      var when = wait > 0 ? "in " + wait + " second" + (wait === 1 ? "" : "s") : "in a minute";
      return "Too many questions at once. Please try again " + when + ".";
    }
    if (response.status === 413 || response.status === 422 || response.status === 400) {
      return said || "That question could not be read. Please shorten or rephrase it.";
    }
    if (response.status === 401) {
      return said || "This site needs an embed token to use the coach.";
    }
    if (response.status === 403) {
      return said || "This site is not allowed to use the coach.";
    }
    return (said ? said + " " : "") + "The coach could not answer right now (error " +
      response.status + "). Please try again shortly.";
  }

  /* ---------- The widget ---------- */

  function build() {
    var host = el("div");
    host.setAttribute("data-offer-coach", "");
    var shadow = host.attachShadow({ mode: "open" });
    if (shadow.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        shadow.adoptedStyleSheets = [sheet];
      } catch (e) { shadow.appendChild(el("style", "", CSS)); }
    } else {
      shadow.appendChild(el("style", "", CSS));
    }

    var root = shadow.appendChild(el("div", "root" + (POSITION === "left" ? " left" : "")));
    var panelId = "oc-panel";
    var titleId = "oc-title";

    var bubble = root.appendChild(el("button", "bubble"));
    bubble.type = "button";
    bubble.setAttribute("aria-label", "Open " + TITLE);
    bubble.setAttribute("aria-expanded", "false");
    bubble.setAttribute("aria-controls", panelId);
    var chatIcon = bubble.appendChild(icon(CHAT_ICON));
    var downIcon = bubble.appendChild(icon(DOWN_ICON));
    downIcon.style.display = "none";

    var panel = root.appendChild(el("div", "panel"));
    panel.id = panelId;
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", titleId);

    var header = panel.appendChild(el("div", "header"));
    var headerText = header.appendChild(el("div", "header-text"));
    var title = headerText.appendChild(el("h2", "title", TITLE));
    title.id = titleId;
    headerText.appendChild(el("p", "subtitle", "Answers from the salary guides, with sources"));
    var clear = header.appendChild(el("button", "clear"));
    clear.type = "button";
    clear.setAttribute("aria-label", "Clear conversation");
    clear.title = "Clear conversation";
    clear.appendChild(icon(CLEAR_ICON));
    var close = header.appendChild(el("button", "close"));
    close.type = "button";
    close.setAttribute("aria-label", "Close " + TITLE);
    close.appendChild(icon(CLOSE_ICON));

    var log = panel.appendChild(el("div", "log"));
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", "Conversation");
    log.tabIndex = 0;

    var form = panel.appendChild(el("form", "form"));
    form.noValidate = true;
    var label = form.appendChild(el("label", "sr-only", "Your question"));
    label.htmlFor = "oc-input";
    var input = form.appendChild(el("input", "input"));
    input.id = "oc-input";
    input.type = "text";
    input.maxLength = MAX_QUESTION;
    input.autocomplete = "off";
    input.placeholder = "Ask about pay, sign-on…";
    var send = form.appendChild(el("button", "send", "Send"));
    send.type = "submit";
    panel.appendChild(el("p", "footer", "Figures come from the cited guides; check the source."));

    var history = [];
    var kept = [];  // the turns kept in the browser: {question, result}
    var revealOnOpen = null;  // a restored answer to show from its start once the panel opens
    var busy = false;

    function setOpen(isOpen) {
      panel.hidden = !isOpen;
      chatIcon.style.display = isOpen ? "none" : "";
      downIcon.style.display = isOpen ? "" : "none";
      bubble.setAttribute("aria-expanded", isOpen ? "true" : "false");
      bubble.setAttribute("aria-label", (isOpen ? "Close " : "Open ") + TITLE);
      (isOpen ? input : bubble).focus();
      if (isOpen && revealOnOpen) {
        reveal(revealOnOpen);
        revealOnOpen = null;
      }
    }

    function scrollDown() { log.scrollTop = log.scrollHeight; }

    // Follow a long answer down only until its first line reaches the top of the log.
    function reveal(msg) {
      log.scrollTop = Math.min(log.scrollHeight, Math.max(0, msg.offsetTop - 12));
    }

    function addMessage(kind) {
      var msg = log.appendChild(el("div", "msg " + kind));
      scrollDown();
      return msg;
    }

    function say(kind, text) {
      var msg = addMessage(kind);
      renderMarkdown(msg.appendChild(el("div", "body")), text, {});
      return msg;
    }

    function typing() {
      var dots = el("span", "typing");
      dots.setAttribute("role", "status");
      dots.appendChild(el("span", "sr-only", "Answering…"));
      dots.appendChild(el("span")); dots.appendChild(el("span")); dots.appendChild(el("span"));
      return dots;
    }

    function showSources(msg, citations) {
      if (!citations.length) return;
      var box = msg.appendChild(el("div", "sources"));
      box.appendChild(el("span", "sources-label", "Sources"));
      citations.forEach(function (c) {
        var a = externalLink(guideUrl(c.guide, c.section), "");
        a.className = "source";
        a.appendChild(el("span", "source-n", c.n));
        a.appendChild(el("span", "source-title", c.title || c.guide));
        a.title = (c.source || c.guide) + (c.title ? " — " + c.title : "");
        box.appendChild(a);
      });
    }

    function showChips(msg, suggestions) {
      if (!suggestions.length) return;
      var box = msg.appendChild(el("div", "chips"));
      suggestions.forEach(function (text) {
        var chip = box.appendChild(el("button", "chip", text));
        chip.type = "button";
        chip.addEventListener("click", function () { ask(String(text)); });
      });
    }

    function citeMap(citations) {
      var map = {};
      citations.forEach(function (c) { map[String(c.n)] = c; });
      return map;
    }

    function finish(msg, body, result) {
      var citations = Array.isArray(result.citations) ? result.citations : [];
      var suggestions = Array.isArray(result.suggestions) ? result.suggestions : [];
      renderMarkdown(body, result.answer || "", citeMap(citations));
      if (result.status && result.status !== "answered") msg.classList.add("note");
      if (Array.isArray(result.bands)) showBands(msg, result.bands);
      showSources(msg, citations);
      showChips(msg, suggestions);
    }

    function fail(msg, body, message) {
      msg.className = "msg bot error";
      msg.setAttribute("role", "alert");
      body.textContent = message;
    }

    function ask(question) {
      question = String(question || "").trim();
      if (!question || busy) return;
      if (question.length > MAX_QUESTION) {
        say("bot error", "Please keep questions under " + MAX_QUESTION + " characters.");
        return;
      }
      busy = true;
      send.disabled = true;
      log.setAttribute("aria-busy", "true");
      addMessage("user").textContent = question;
      var msg = addMessage("bot");
      var body = msg.appendChild(el("div", "body"));
      body.appendChild(typing());
      var streamed = "";
      var done = null;
      var failed = false;
      var turns = history.slice(-MAX_HISTORY);

      embedToken().then(function (token) {
        var headers = { "Content-Type": "application/json", "Accept": "text/event-stream" };
        if (token) headers["X-Embed-Token"] = token;
        return fetch(ORIGIN + "/api/ask/stream", {
          method: "POST",
          mode: "cors",
          credentials: "omit",
          headers: headers,
          body: JSON.stringify({ question: question, history: turns })
        });
      }).then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return null; }).then(function (payload) {
            failed = true;
            fail(msg, body, httpErrorMessage(response, payload));
          });
        }
        if (!response.body) throw new TypeError("no response body");
        return readEvents(response.body, function (name, data) {
          if (failed || done) return;
          if (name === "delta" && data && typeof data.text === "string") {
            streamed += data.text;
            renderMarkdown(body, streamed, {});
          } else if (name === "citations" && data) {
            renderMarkdown(body, streamed, citeMap(data.citations || []));
          } else if (name === "done" && data) {
            done = data;
            finish(msg, body, data);
          } else if (name === "error") {
            failed = true;
            fail(msg, body, (data && data.error) || "The coach could not answer that.");
          }
          reveal(msg);
        });
      }).then(function () {
        if (done) {
          history.push({ role: "user", content: question });
          history.push({ role: "assistant", content: String(done.answer || "") });
          history = history.slice(-MAX_HISTORY);
          kept = kept.concat([{ question: question, result: keptResult(done) }])
            .slice(-MAX_KEPT);
          saveTurns(kept);
          clear.hidden = false;
        } else if (!failed) {
          fail(msg, body, "The answer was cut off. Please try again.");
        }
      }).catch(function () {
        fail(msg, body, "Could not reach the coach. Check your connection, or this site " +
          "may not be allowed to use it.");
      }).then(function () {
        busy = false;
        send.disabled = false;
        log.removeAttribute("aria-busy");
        reveal(msg);
      });
    }

    bubble.addEventListener("click", function () { setOpen(panel.hidden); });
    close.addEventListener("click", function () { setOpen(false); });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        event.preventDefault();
        setOpen(false);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = input.value;
      if (!question.trim() || busy) return;
      input.value = "";
      ask(question);
      input.focus();
    });

    clear.addEventListener("click", function () {
      if (busy) return;
      kept = [];
      history = [];
      saveTurns(kept);
      log.textContent = "";
      greet();
      clear.hidden = true;
      input.focus();
    });

    function greet() {
      say("bot", "Hi! Ask me about pay bands, sign-on bonuses, equity or negotiation tactics. " +
        "Every answer links to the guide section it comes from.");
    }

    // A conversation kept from an earlier page: drawn again from its JSON, as it first was.
    function restore() {
      kept = loadTurns();
      kept.forEach(function (turn) {
        addMessage("user").textContent = turn.question;
        var msg = addMessage("bot");
        finish(msg, msg.appendChild(el("div", "body")), turn.result);
        history.push({ role: "user", content: turn.question });
        history.push({ role: "assistant", content: turn.result.answer });
        revealOnOpen = msg;
      });
      history = history.slice(-MAX_HISTORY);
      clear.hidden = !kept.length;
    }

    greet();
    restore();
    document.body.appendChild(host);
  }

  if (document.body) build();
  else document.addEventListener("DOMContentLoaded", build);
})();
