using Microsoft.AspNetCore.OpenApi;

namespace TicketGrains.Api.Docs;

/// <summary>The OpenAPI document's title and introduction: what an integrator reads first on /docs.</summary>
public static class ApiDocumentInfo
{
    private const string Introduction = """
        Ticket (工单) processing for e-commerce customer service. Every call needs a credential:

        - `Authorization: Bearer <JWT>` with the claims `tenant`, `sub` and `role`s or `perm`s: HS256 tokens of this
          deployment (locally from `POST /api/v1/dev/tokens` when the development issuer is on), or RS256/ES256 tokens of
          the identity provider configured as `Auth:Authority`;
        - or `X-Api-Key: <key>` for an integration (`POST /api/v1/api-keys`).

        The tenant (shop) is the credential's. Errors are `application/problem+json`. Paste a token under
        Authentication, then send any request from its "Test Request" button; it goes to this server.
        """;

    public static OpenApiOptions AddApiInfo(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TicketGrains API";
            document.Info.Description = Introduction;
            return Task.CompletedTask;
        });
        return options;
    }
}
