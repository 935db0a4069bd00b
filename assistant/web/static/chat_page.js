() => {
  /*
   * The chat page's own script (Gradio runs this function once the page has loaded).
   * It adds what Gradio's Chatbot does not do:
   *   - the copy button copies the message as plain text with its sources, not its HTML;
   *   - each message's screen-reader label is its plain text (Gradio writes the raw HTML);
   *   - a new answer is shown from its start: the conversation scrolls down only until the
   *     start of the answer (with its question, when both fit) reaches the top.
   * It never parses HTML: it reads the text of the DOM the Chatbot has already sanitized.
   */
  "use strict";
  const CHAT = "#oc-chat";
  const MESSAGES = "[data-testid='bot'], [data-testid='user']";
  const SKIP = "figure.msg-chart, svg, button, .message-buttons";
  const BLOCK = /^(P|DIV|UL|OL|LI|H[1-6]|BLOCKQUOTE|PRE|TABLE|THEAD|TBODY|TR|FIGURE)$/;
  const PARAGRAPH = /^(P|H[1-6]|BLOCKQUOTE|PRE|TABLE|UL|OL)$/;

  function collect(node, out) {
    node.childNodes.forEach((child) => {
      if (child.nodeType === Node.TEXT_NODE) {
        out.push(child.nodeValue.replace(/[^\S\n]+/g, " "));
        return;
      }
      if (child.nodeType !== Node.ELEMENT_NODE || child.matches(SKIP)) return;
      const tag = child.tagName;
      if (tag === "BR") { out.push("\n"); return; }
      if (BLOCK.test(tag)) out.push(PARAGRAPH.test(tag) ? "\n\n" : "\n");
      if (tag === "LI") out.push("- ");
      if ((tag === "TD" || tag === "TH") && child.previousElementSibling) out.push(" | ");
      collect(child, out);
      if (PARAGRAPH.test(tag)) out.push("\n\n");
    });
    return out;
  }

  /* The text a message shows, paragraphs apart, list items as "- ", charts left out. */
  function plainText(message) {
    const content = message.querySelector(".message-content") || message;
    return collect(content, []).join("")
      .replace(/[ \t]+\n/g, "\n").replace(/\n[ \t]+/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  }

  function messageOf(button) {
    const row = button.closest(".message-row");
    if (row && row.querySelector(MESSAGES)) return row.querySelector(MESSAGES);
    for (let node = button.parentElement; node; node = node.parentElement) {
      let before = node.previousElementSibling;
      for (; before; before = before.previousElementSibling) {
        const found = before.matches(MESSAGES) ? before : before.querySelector(MESSAGES);
        if (found) return found;
      }
      if (node.matches(CHAT)) break;
    }
    return null;
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }

  // Capture phase: runs before the Chatbot's own handler, which would copy the HTML. A
  // message's only button is its copy button (chat.py: buttons=["copy"], no like, retry or
  // edit); its label is translated, so it is found by place, not by name.
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element &&
      event.target.closest(`${CHAT} .message-buttons button`);
    if (!button) return;
    const message = messageOf(button);
    if (!message) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    writeClipboard(plainText(message)).then(() => {
      const label = button.getAttribute("aria-label");
      button.classList.add("oc-copied");
      button.setAttribute("aria-label", "Copied");
      button.title = "Copied";
      setTimeout(() => {
        button.classList.remove("oc-copied");
        button.setAttribute("aria-label", label);
        button.title = label;
      }, 2000);
    }).catch(() => {});
  }, true);

  function label(message) {
    const who = message.getAttribute("data-testid") === "user" ? "Your question: " : "Answer: ";
    const text = who + plainText(message).replace(/\s+/g, " ");
    if (message.getAttribute("aria-label") !== text) message.setAttribute("aria-label", text);
  }

  function scroller(node, chat) {
    for (let el = node.parentElement; el && el !== chat.parentElement; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && el.scrollHeight > el.clientHeight) {
        return el;
      }
    }
    return null;
  }

  let answers = -1;  // bot messages seen: a new one brings its start into the page's view too
  let shown = "";  // what was revealed last: nothing new, no scrolling (the reader may scroll)

  /* Scroll the conversation so the newest answer shows from its start. */
  function reveal(chat) {
    const bots = chat.querySelectorAll("[data-testid='bot']");
    const bot = bots[bots.length - 1];
    const key = bots.length + ":" + (bot ? bot.textContent.length : 0);
    if (key === shown) return;
    shown = key;
    const isNew = bots.length !== answers;
    answers = bots.length;
    if (!bot) return;
    const row = bot.closest(".message-row") || bot;
    const box = scroller(row, chat);
    if (box) {
      const top = (el) => el.getBoundingClientRect().top - box.getBoundingClientRect().top +
        box.scrollTop;
      let start = top(row);
      const users = chat.querySelectorAll("[data-testid='user']");
      const asked = users.length && (users[users.length - 1].closest(".message-row") ||
        users[users.length - 1]);
      if (asked && top(asked) < start && start - top(asked) < box.clientHeight / 3) {
        start = top(asked);  // the question fits above it
      }
      box.scrollTop = Math.max(0, Math.min(start - 8, box.scrollHeight - box.clientHeight));
    }
    if (isNew && row.getBoundingClientRect().top < 0) {
      window.scrollBy(0, row.getBoundingClientRect().top - 8);
    }
  }

  function watch(chat) {
    let queued = false;
    const update = () => {
      queued = false;
      chat.querySelectorAll(MESSAGES).forEach(label);
      reveal(chat);
    };
    new MutationObserver(() => {
      if (!queued) { queued = true; requestAnimationFrame(update); }
    }).observe(chat, { childList: true, subtree: true, characterData: true });
    update();
  }

  const found = document.querySelector(CHAT);
  if (found) {
    watch(found);
  } else {
    const waiting = new MutationObserver(() => {
      const chat = document.querySelector(CHAT);
      if (chat) { waiting.disconnect(); watch(chat); }
    });
    waiting.observe(document.body, { childList: true, subtree: true });
  }
}
