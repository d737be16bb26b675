using System.Net.Http.Headers;
using System.Text.Json;

namespace TicketGrains.Bench;

/// <summary>
/// Create-ticket request bodies, serialized once up front: every customer of the pool times a few ticket
/// templates. Each customer keeps one profile, so repeat requests resolve an existing customer without
/// profile updates, as most real tickets do.
/// </summary>
public sealed class TicketBodies
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private static readonly (string Subject, string Body, string Category, string Priority)[] Templates =
    [
        ("Where is my parcel?", "Order {0} has not arrived, tracking SF{1}", "logistics", "normal"),
        ("Refund not received", "I returned order {0} a week ago and the refund of 129.00 is still missing.", "refund", "high"),
        ("Wrong size delivered", "Order {0} came in size M instead of L. Can I exchange it? Tracking SF{1}", "exchange", "normal"),
        ("Invoice request", "Please issue a VAT invoice for order {0} to the company on file.", "order", "low"),
    ];

    private readonly byte[][] _bodies;

    public TicketBodies(int customers)
    {
        _bodies = new byte[customers * Templates.Length][];
        for (var customer = 0; customer < customers; customer++)
        {
            for (var template = 0; template < Templates.Length; template++)
            {
                _bodies[(customer * Templates.Length) + template] = Build(customer, Templates[template]);
            }
        }
    }

    /// <summary>A random customer with a random template, ready to send.</summary>
    public ByteArrayContent Next()
    {
        var content = new ByteArrayContent(_bodies[Random.Shared.Next(_bodies.Length)]);
        content.Headers.ContentType = Json;
        return content;
    }

    private static byte[] Build(int customer, (string Subject, string Body, string Category, string Priority) template)
    {
        var order = $"20261111-{customer}";
        var request = new
        {
            channel = "web",
            customer = new
            {
                externalId = $"c-{customer}",
                name = $"Customer {customer}",
                email = $"c{customer}@example.com",
                tier = customer % 20 == 0 ? "vip" : "regular",
            },
            subject = template.Subject,
            body = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Body, order, 1234567890L + customer),
            category = template.Category,
            priority = template.Priority,
            fields = new Dictionary<string, string> { ["orderNo"] = order },
        };
        return JsonSerializer.SerializeToUtf8Bytes(request);
    }
}
