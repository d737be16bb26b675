using Microsoft.IdentityModel.Protocols;

namespace TicketGrains.Api.Security;

/// <summary>Registers <see cref="IdentityProviderKeys"/> when Auth:Authority names an identity provider.</summary>
public static class IdentityProviderHosting
{
    private const string HttpClientName = "identity-provider";

    /// <summary>A provider that does not answer within this is tried again later; the request waiting for it gets a 401.</summary>
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddIdentityProviderKeys(this IServiceCollection services, AuthOptions auth)
    {
        if (AuthorityAddress.From(auth) is not { } authority)
        {
            return services;
        }

        services.AddHttpClient(HttpClientName, client => client.Timeout = FetchTimeout);
        services.AddSingleton(sp => new IdentityProviderKeys(
            authority,
            new HttpDocumentRetriever(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)) { RequireHttps = auth.RequireHttpsMetadata },
            auth,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IdentityProviderKeys>>()));
        return services;
    }
}
