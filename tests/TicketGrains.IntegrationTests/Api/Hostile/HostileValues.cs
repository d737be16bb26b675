namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>The hostile strings, chosen so that each is invalid wherever it is sent (no request may legitimately accept one).</summary>
public static class HostileValues
{
    /// <summary>Longer than every text field allows, but small enough that the body stays under the general size limit.</summary>
    public const int HugeLength = 25_000;

    /// <summary>Longer than any identifier or enumeration value, and short enough for a small-body route.</summary>
    public const int LongLength = 4_000;

    /// <summary>The label of the value too large for a small-body route: there the size limit refuses it first (413).</summary>
    public const string Huge = "huge";

    /// <summary>Attacks on identifiers, enumerations and names: each carries a character no such value may hold.</summary>
    public static readonly IReadOnlyList<(string Label, string Value)> Constrained =
    [
        ("sql injection", "' OR '1'='1"),
        ("sql statement", "x'; DROP TABLE tg_events; --"),
        ("script", "<script>alert(1)</script>"),
        ("path traversal", "../../etc/passwd"),
        ("nul", "refund\0"),
        ("newline", "refund\nadmin"),
        ("right-to-left override", "refund\u202Eevil"),
        ("emoji", "refund\U0001F4A9"),
        ("fullwidth", "ｒｅｆｕｎｄ"),
        ("long", new string('x', LongLength)),
        (Huge, new string('x', HugeLength)),
    ];

    /// <summary>
    /// Attacks on free text (subjects, bodies, names): SQL and markup are fine there, so only what text may never hold.
    /// Each is the JSON string literal as sent: unpaired surrogates exist only as escapes (a serializer would repair them).
    /// </summary>
    public static readonly IReadOnlyList<(string Label, string JsonLiteral)> FreeText =
    [
        ("nul", "\"before\\u0000after\""),
        ("escape sequence", "\"\\u001b[31mred\""),
        ("bell", "\"ring\\u0007\""),
        ("right-to-left override", "\"invoice\u202Egpj.exe\""),
        ("left-to-right isolate", "\"x\\u2066y\""),
        ("lone high surrogate", "\"broken\\ud800\""),
        ("lone low surrogate", "\"\\udc00broken\""),
        ("reversed surrogate pair", "\"x\\udc00\\ud800y\""),
        ("noncharacter", "\"x\\uffff\""),
        (Huge, "\"" + new string('x', HugeLength) + "\""),
    ];

    /// <summary>Attacks on path segments and query values, already percent-encoded as they go on the wire.</summary>
    public static readonly IReadOnlyList<(string Label, string Encoded)> UrlSegments =
    [
        ("sql injection", Uri.EscapeDataString("' OR '1'='1")),
        ("script", Uri.EscapeDataString("<script>alert(1)</script>")),
        ("encoded traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("newline", "x%0Ay"),
        ("right-to-left override", "x%E2%80%AEy"),
        ("emoji", "x%F0%9F%92%A9"),
        ("invalid utf-8", "x%FF%FEy"),
        ("space", "x%20y"),
        ("huge", new string('x', 3000) + "%21"),
    ];

    /// <summary>A NUL in the path: Kestrel refuses the request line itself, before routing.</summary>
    public const string NulSegment = "x%00y";

    /// <summary>
    /// For UUID parameters only (elsewhere these are valid names): look-alikes, and valid UUIDs that name nothing, where a
    /// read must be a 404 and a command must not create what it names.
    /// </summary>
    public static readonly IReadOnlyList<(string Label, string Encoded)> UuidParameter =
    [
        ("not a uuid", "not-a-uuid"),
        ("almost a uuid", "00000000-0000-0000-0000-00000000000g"),
        ("nil uuid", Guid.Empty.ToString()),
        ("unknown uuid", "6f1d5a0e-9c1b-4a43-9d59-2f0d6c3b8e11"),
    ];

    /// <summary>Numbers out of range or in forms a whole-number parameter must refuse.</summary>
    public static readonly IReadOnlyList<(string Label, string Encoded)> Numbers =
    [
        ("negative", "-1"),
        ("overflow", "99999999999999999999"),
        ("exponent", "1e3"),
        ("fraction", "1.5"),
        ("hex", "0x10"),
        ("fullwidth digit", Uri.EscapeDataString("１")),
        ("not a number", "NaN"),
    ];
}
