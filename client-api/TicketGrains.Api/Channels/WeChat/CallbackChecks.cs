using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>The checks WeChat's and WeCom's callbacks share: required query parameters, sorted-SHA-1 signatures, freshness.</summary>
public static class CallbackChecks
{
    public static string RequiredQuery(InboundRequest request, string name)
    {
        var value = request.QueryValue(name);
        return string.IsNullOrEmpty(value)
            ? throw InboundRefusal.Malformed(name, $"The query parameter {name} is missing.")
            : value;
    }

    public static string RequiredSetting(IReadOnlyDictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"The channel has no {name} setting.");

    /// <summary>Refuses (401, naming <paramref name="field"/>) unless the signature over the sorted parts matches.</summary>
    public static void Signature(string field, string? given, params string[] parts)
    {
        if (!Signatures.Matches(Signatures.SortedSha1Hex(parts), given))
        {
            throw InboundRefusal.BadSignature(field);
        }
    }

    /// <summary>Refuses (403) a timestamp outside the replay window of the request's arrival.</summary>
    public static void Fresh(InboundRequest request, string timestamp)
    {
        if (!Signatures.IsFresh(timestamp, request.ReceivedAt, out _))
        {
            throw new InboundRefusal(403, "timestamp",
                $"The timestamp is not within {InboundLimits.ReplayWindow.TotalMinutes:0} minutes of the time the request arrived.");
        }
    }
}
