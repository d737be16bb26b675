using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketGrains.Api.Security;

/// <summary>
/// Tells OpenAPI readers how to authenticate (bearer JWT or X-Api-Key), which operations are anonymous and which
/// permissions each operation needs (in its description).
/// </summary>
public static class OpenApiSecurity
{
    private const string Bearer = "bearer";
    private const string ApiKey = "apiKey";

    public static OpenApiOptions AddCallerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [Bearer] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" },
                [ApiKey] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.Header },
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
            ];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
                return Task.CompletedTask;
            }

            var permissions = metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<PermissionRequirement>()
                .Select(r => r.Permission).Distinct(StringComparer.Ordinal).ToList();
            if (permissions.Count > 0)
            {
                operation.Description = $"Needs permission: {string.Join(" + ", permissions)}.";
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
