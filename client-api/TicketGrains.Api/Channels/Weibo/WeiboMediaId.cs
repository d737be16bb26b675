namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// A Weibo voice or image is fetched by two ids from the push's data: vfid (the file) and tovfid (the file as the
/// receiving account holds it). The one media id an inbound message carries keeps both as "vfid/tovfid".
/// </summary>
public static class WeiboMediaId
{
    private const char Separator = '/';

    public static string? Format(string? vfid, string? tovfid) => (vfid, tovfid) switch
    {
        (null, _) => null,
        (_, null) => vfid,
        _ => $"{vfid}{Separator}{tovfid}",
    };

    public static (string Vfid, string? Tovfid) Parse(string mediaId) =>
        mediaId.IndexOf(Separator) is var at and >= 0 ? (mediaId[..at], mediaId[(at + 1)..]) : (mediaId, null);
}
