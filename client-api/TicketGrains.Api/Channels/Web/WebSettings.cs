namespace TicketGrains.Api.Channels.Web;

/// <summary>The settings of a web channel (the shop's site: chat widget and form).</summary>
public static class WebSettings
{
    /// <summary>The server-side secret visitor tokens are signed with; never sent to a browser.</summary>
    public const string Secret = "secret";

    /// <summary>
    /// The sites allowed to embed the widget: origins (scheme://host[:port]) apart by spaces or commas. The product's
    /// own pages (the hosted form) are always allowed.
    /// </summary>
    public const string AllowedOrigins = "allowedOrigins";
}
