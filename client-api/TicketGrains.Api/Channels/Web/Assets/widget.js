/*
 * TicketGrains web channel: the chat widget and the web form, one file, no dependencies, served by the product.
 *   <script src="https://desk.example/web/widget.js" data-channel="CHANNEL-ID" async></script>   a chat box
 *   the same with data-mode="form"                                                                the web form, in place
 * The visitor's token and the messages they sent stay in this browser (localStorage); the agents' replies are read
 * from the server with the token, which names this visitor only.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.getAttribute('data-channel')) {
    return;
  }

  var channel = script.getAttribute('data-channel');
  var mode = script.getAttribute('data-mode') === 'form' ? 'form' : 'chat';
  var api = new URL(script.src).origin + '/api/v1/channels/' + encodeURIComponent(channel) + '/web';
  var storeKey = 'ticketgrains.web.' + channel;
  var state = load();
  var replies = [];
  var view = null;

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(storeKey));
      return saved && Array.isArray(saved.sent) ? saved : { sent: [] };
    } catch (e) {
      return { sent: [] };
    }
  }

  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify(state));
    } catch (e) {
      // Storage refused (private mode, quota): the conversation lasts as long as the page.
    }
  }

  function newMessageId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // The visitor's token; renewed (same visitor) when it is near its end or the server said it expired.
  async function visitorToken(renew) {
    if (!renew && state.token && Date.parse(state.expiresAt) - Date.now() > 60000) {
      return state.token;
    }

    var headers = state.token ? { 'X-Visitor-Token': state.token } : {};
    var answer = await fetch(api + '/visitors', { method: 'POST', headers: headers });
    if (!answer.ok) {
      throw new Error('the channel refused a visitor token (' + answer.status + ')');
    }

    var visitor = await answer.json();
    state.visitorId = visitor.visitorId;
    state.token = visitor.token;
    state.expiresAt = visitor.expiresAt;
    save();
    return state.token;
  }

  // Posts one message until the server has it, always with the same messageId: a retry is a repeat there.
  async function deliver(entry) {
    var renew = false;
    for (var attempt = 0; attempt < 6; attempt++) {
      try {
        var answer = await fetch(api + '/messages', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Visitor-Token': await visitorToken(renew) },
          body: JSON.stringify(entry.body),
        });
        if (answer.ok) {
          return 'sent';
        }

        renew = answer.status === 401 || answer.status === 403;
        if (!renew && answer.status < 500 && answer.status !== 429) {
          return 'refused';
        }
      } catch (e) {
        // The network failed or the answer was lost: send the same message again.
      }

      await pause(Math.min(16000, 500 * Math.pow(2, attempt)));
    }

    return 'failed';
  }

  function send(body) {
    var entry = { id: body.messageId, text: body.message, at: new Date().toISOString(), state: 'sending', body: body };
    state.sent.push(entry);
    save();
    render();
    track(entry);
  }

  // Also for a message still unsent when the page was left: it goes again with its messageId.
  async function track(entry) {
    entry.state = await deliver(entry);
    delete entry.body;
    save();
    render();
    poll();
  }

  async function poll() {
    if (!state.token) {
      return;
    }

    try {
      var answer = await fetch(api + '/messages', { headers: { 'X-Visitor-Token': await visitorToken(false) } });
      if (answer.ok) {
        replies = (await answer.json()).replies;
        render();
      } else if (answer.status === 401 || answer.status === 403) {
        await visitorToken(true);
      }
    } catch (e) {
      // Offline for now: the next poll tries again.
    }
  }

  // By elements: form.name would be the form's own name, not its input.
  function value(form, name) {
    return form.elements.namedItem(name).value.trim();
  }

  function render() {
    if (!view) {
      return;
    }

    var lines = state.sent.map(function (m) { return { who: 'visitor', text: m.text, at: m.at, state: m.state }; })
      .concat(replies.map(function (r) { return { who: 'agent', text: r.text, at: r.sentAt, state: 'sent' }; }))
      .sort(function (a, b) { return Date.parse(a.at) - Date.parse(b.at); });
    view.log.replaceChildren.apply(view.log, lines.map(function (line) {
      var item = document.createElement('li');
      item.className = line.who;
      item.setAttribute('data-state', line.state);
      item.textContent = line.text;
      return item;
    }));
    view.log.scrollTop = view.log.scrollHeight;
  }

  var style = '<style>' +
    ':host{all:initial;font:14px/1.4 system-ui,sans-serif;color:#222}' +
    '.open{position:fixed;right:20px;bottom:20px;padding:10px 16px;border:0;border-radius:20px;background:#1f6feb;color:#fff;cursor:pointer}' +
    '.panel{position:fixed;right:20px;bottom:70px;width:320px;max-height:70vh;display:flex;flex-direction:column;background:#fff;border:1px solid #ccc;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.15)}' +
    '.panel[hidden],form[hidden]{display:none}' +
    '.inline{position:static;width:auto;max-height:none;box-shadow:none}' +
    'header{padding:8px 12px;font-weight:600;border-bottom:1px solid #eee}' +
    'ol{list-style:none;margin:0;padding:8px;overflow-y:auto;flex:1}' +
    'li{margin:4px 0;padding:6px 10px;border-radius:10px;max-width:85%;white-space:pre-wrap;overflow-wrap:anywhere}' +
    'li.visitor{margin-left:auto;background:#dbeafe}li.agent{background:#f1f1f1}' +
    'li[data-state=failed],li[data-state=refused]{border:1px solid #c00}' +
    'form{display:flex;flex-direction:column;gap:6px;padding:8px;border-top:1px solid #eee}' +
    'input,textarea{font:inherit;padding:6px;border:1px solid #bbb;border-radius:4px}textarea{min-height:60px}' +
    'button[type=submit]{align-self:flex-end;padding:6px 14px;border:0;border-radius:4px;background:#1f6feb;color:#fff;cursor:pointer}' +
    '</style>';

  function chat(root) {
    root.innerHTML = style +
      '<button class="open" part="open" type="button">Chat with us</button>' +
      '<section class="panel" hidden><header>Customer service</header><ol class="log" aria-live="polite"></ol>' +
      '<form class="compose"><textarea name="message" required maxlength="20000" aria-label="Your message" placeholder="Write a message"></textarea>' +
      '<button type="submit">Send</button></form></section>';
    var panel = root.querySelector('.panel');
    var form = root.querySelector('form');
    view = { log: root.querySelector('.log') };
    root.querySelector('.open').addEventListener('click', function () {
      panel.hidden = !panel.hidden;
      if (!panel.hidden) {
        poll();
      }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = value(form, 'message');
      if (text) {
        form.reset();
        send({ messageId: newMessageId(), message: text });
      }
    });
  }

  function webForm(root) {
    root.innerHTML = style +
      '<section class="panel inline"><header>Contact us</header>' +
      '<form class="contact"><input name="name" required maxlength="100" aria-label="Name" placeholder="Name">' +
      '<input name="email" type="email" required maxlength="254" aria-label="E-mail" placeholder="E-mail">' +
      '<input name="subject" required maxlength="200" aria-label="Subject" placeholder="Subject">' +
      '<textarea name="message" required maxlength="20000" aria-label="Message" placeholder="Message"></textarea>' +
      '<button type="submit">Send</button></form><ol class="log" aria-live="polite"></ol></section>';
    var form = root.querySelector('form');
    view = { log: root.querySelector('.log') };
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send({
        messageId: newMessageId(), name: value(form, 'name'), email: value(form, 'email'),
        subject: value(form, 'subject'), message: value(form, 'message'),
      });
      form.reset();
    });
  }

  function start() {
    var host = document.createElement('div');
    host.setAttribute('data-ticketgrains', mode);
    if (mode === 'form') {
      script.parentNode.insertBefore(host, script.nextSibling);
    } else {
      document.body.appendChild(host);
    }

    var root = host.attachShadow({ mode: 'open' });
    (mode === 'form' ? webForm : chat)(root);
    render();
    state.sent.filter(function (m) { return m.state === 'sending' && m.body; }).forEach(track);
    poll();
    setInterval(poll, 3000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
