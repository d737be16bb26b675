namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>
/// One request the API must refuse: what it attacks, the raw bytes and headers to send, and what the refusal must say
/// (the exact status when known, and the field a 400 must name). A request the HTTP server itself refuses before the API
/// sees it (a NUL in the path) is answered by Kestrel with a bare 400, which cannot be a ProblemDetails.
/// </summary>
public sealed record HostileRequest(string Operation, string Case, HttpMethod Method, string Url, byte[]? Body = null,
    string? ContentType = "application/json", bool Chunked = false, int? Status = null, string? Field = null, bool RefusedByServer = false)
{
    public override string ToString() => $"{Operation} [{Case}] {Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)}";
}
