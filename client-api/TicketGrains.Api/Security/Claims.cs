namespace TicketGrains.Api.Security;

/// <summary>Claim types of an authenticated caller, as they appear in tokens and in the principal.</summary>
public static class Claims
{
    public const string Tenant = "tenant";
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Permission = Permissions.ClaimType;

    /// <summary>The authentication type of principals built by <see cref="CallerPrincipal"/>.</summary>
    public const string AuthenticationType = "ticketgrains";
}
