using TicketGrains.Api.Security;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// The tenant (shop) of a request: always the authenticated credential's, never a header the caller chooses.
/// X-Tenant-Id is only an assertion, checked by <see cref="TenantAssertion"/>.
/// </summary>
public static class Tenant
{
    public const string Header = "X-Tenant-Id";

    public static string Of(HttpContext context) =>
        context.User.FindFirst(Claims.Tenant)?.Value ?? throw new InvalidOperationException("Tenant.Of needs an authenticated request.");

    public static bool IsValid(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
