using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Webhooks;

/// <summary>Checks a webhook registration: an absolute http(s) URL on a public address, and known event types.</summary>
public static class CreateWebhookValidator
{
    private const int MaxUrl = 2048;

    /// <summary>The URL and the distinct event types, or null with <paramref name="errors"/> naming each wrong field.</summary>
    public static async Task<(Uri Url, List<string> Events)?> ValidateAsync(
        CreateWebhookRequest request, NetworkGuard guard, FieldErrors errors, CancellationToken cancellationToken)
    {
        var url = CheckUrl(request.Url, errors);
        if (request.Events is not { Count: > 0 })
        {
            errors.Add("events", $"'events' needs at least one of {string.Join(", ", WebhookEventTypes.All)}.");
        }
        else
        {
            for (var i = 0; i < request.Events.Count; i++)
            {
                if (request.Events[i] is not { } type || !WebhookEventTypes.All.Contains(type))
                {
                    errors.Add($"events[{i}]", $"'events[{i}]' must be one of {string.Join(", ", WebhookEventTypes.All)}.");
                }
            }
        }

        if (url is not null)
        {
            try
            {
                await guard.ResolveAsync(url.IdnHost, cancellationToken);
            }
            catch (RefusedAddressException e)
            {
                errors.Add("url", $"'url' is refused: {e.Message}");
            }
        }

        return errors.Any ? null : (url!, request.Events!.Select(e => e!).Distinct(StringComparer.Ordinal).ToList());
    }

    private static Uri? CheckUrl(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("url", "'url' is required.");
            return null;
        }

        if (text.Length > MaxUrl || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            errors.Add("url", $"'url' must be an absolute http or https URL without credentials or fragment, at most {MaxUrl} characters.");
            return null;
        }

        return url;
    }
}
