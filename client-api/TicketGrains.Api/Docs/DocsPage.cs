namespace TicketGrains.Api.Docs;

/// <summary>
/// /docs: an interactive page built from /openapi/v1.json (no external assets, so it works offline):
/// every operation with a form to send a request and see the response.
/// </summary>
public static class DocsPage
{
    public static IEndpointRouteBuilder MapDocsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs", () => Results.Content(Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>TicketGrains API</title>
        <style>
          body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
          details{border:1px solid #ccd;border-radius:6px;margin:.5rem 0;padding:.5rem 1rem}
          summary{cursor:pointer;font-weight:600} .m{display:inline-block;width:4.5rem;font-family:monospace}
          textarea{width:100%;height:9rem;font-family:monospace} input{font-family:monospace;width:24rem}
          pre{background:#f5f5f8;padding:.7rem;overflow:auto;max-height:24rem}
        </style></head>
        <body><h1>TicketGrains API</h1>
        <p>Generated from <a href="/openapi/v1.json">/openapi/v1.json</a>. Bearer token:
        <input id="token" placeholder="from POST /api/v1/dev/tokens or your identity provider"> &nbsp; Dashboard: <a href="/dashboard">/dashboard</a></p>
        <div id="ops">Loading…</div>
        <script>
        const esc = s => String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        async function send(form, method) {
          const out = form.querySelector('pre');
          let path = form.dataset.path;
          for (const input of form.querySelectorAll('input[data-in=path]')) path = path.replace('{' + input.name + '}', encodeURIComponent(input.value));
          const query = [...form.querySelectorAll('input[data-in=query]')].filter(i => i.value).map(i => i.name + '=' + encodeURIComponent(i.value));
          const body = form.querySelector('textarea');
          const token = document.getElementById('token').value.trim();
          const headers = token ? {'Authorization': 'Bearer ' + token} : {};
          if (body) headers['Content-Type'] = 'application/json';
          const res = await fetch(path + (query.length ? '?' + query.join('&') : ''), {method, headers, body: body ? body.value : undefined});
          out.textContent = res.status + ' ' + res.statusText + '\n' + await res.text();
        }
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const ops = document.getElementById('ops'); ops.innerHTML = '';
          for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
            if (!op.responses) continue;
            const params = (op.parameters || []).map(p => `<label>${esc(p.name)} (${esc(p.in)}) <input name="${esc(p.name)}" data-in="${esc(p.in)}"></label><br>`).join('');
            const hasBody = op.requestBody ? `<textarea>{}</textarea>` : '';
            const d = document.createElement('details');
            d.innerHTML = `<summary><span class="m">${method.toUpperCase()}</span>${esc(path)} — ${esc(op.summary || '')}</summary>
              <form data-path="${esc(path)}">${params}${hasBody}<button type="submit">Send</button><pre></pre></form>`;
            d.querySelector('form').addEventListener('submit', e => { e.preventDefault(); send(e.target, method.toUpperCase()); });
            ops.appendChild(d);
          }
        });
        </script></body></html>
        """;
}
