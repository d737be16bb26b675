using System.Text;
using System.Text.Json;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// JSON over HTTP to one node, as one tenant ("default" when null): with the given bearer token ("" for none), or by
/// default a token of that tenant's admin. The tenant comes from the token; no X-Tenant-Id header is sent.
/// </summary>
public sealed class ApiClient(HttpClient http, string? tenant, string? token = null)
{
    private readonly string? _authorization = token switch
    {
        null => "Bearer " + TestTokens.Admin(tenant ?? "default"),
        "" => null,
        _ => "Bearer " + token,
    };

    public const string TenantHeader = "X-Tenant-Id";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Tenant => tenant;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>POSTs the body serialized as JSON (or nothing when null).</summary>
    public Task<ApiResponse> PostAsync(string path, object? body = null, string? idempotencyKey = null) =>
        PostRawAsync(path, body is null ? null : JsonSerializer.Serialize(body, Json), idempotencyKey);

    /// <summary>POSTs the text exactly as given, as application/json.</summary>
    public Task<ApiResponse> PostRawAsync(string path, string? json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyHeader, idempotencyKey);
        }

        return SendAsync(request);
    }

    public Task<ApiResponse> PutAsync(string path, object body) => SendAsync(new HttpRequestMessage(HttpMethod.Put, path)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
    });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            if (request.Headers.Authorization is null && _authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, text, headers);
        }
    }
}
