namespace TicketGrains.Api.Channels.Web;

/// <summary>What a presented visitor token is.</summary>
public enum VisitorTokenState
{
    Forged,
    Expired,
    Valid,
}
