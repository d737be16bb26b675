using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Tickets;

/// <summary>Validates the customer reference of a create request.</summary>
public static class CustomerValidator
{
    public const int MaxExternalId = 128;

    public static CustomerReference? Validate(CustomerRequest? customer, string? ticketChannel, FieldErrors errors)
    {
        if (customer is null)
        {
            errors.Add("customer", "'customer' is required: at least customer.externalId.");
            return null;
        }

        var channel = customer.Channel ?? ticketChannel;
        TextRules.OneOf(errors, "customer.channel", customer.Channel, TicketCatalog.Channels);
        TextRules.Check(errors, "customer.externalId", customer.ExternalId, MaxExternalId, required: true);
        TextRules.Check(errors, "customer.name", customer.Name, 100, required: false);
        TextRules.OneOf(errors, "customer.tier", customer.Tier, TicketCatalog.Tiers);
        if (customer.Phone is not null && !IsPhone(customer.Phone))
        {
            errors.Add("customer.phone", "A phone number is 5-20 digits, optionally with a leading '+', spaces or '-'.");
        }

        if (customer.Email is not null && !IsEmail(customer.Email))
        {
            errors.Add("customer.email", "Not an e-mail address.");
        }

        return channel is null || errors.Any ? null : new CustomerReference
        {
            Channel = channel,
            ExternalId = customer.ExternalId!,
            Name = customer.Name,
            Phone = customer.Phone,
            Email = customer.Email,
            Tier = customer.Tier,
        };
    }

    public static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return phone.Length <= 32 && digits is >= 5 and <= 20
            && phone.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' || (c == '+' && i == 0)).All(ok => ok);
    }

    public static bool IsEmail(string email)
    {
        var at = email.IndexOf('@');
        return email.Length <= 254 && at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3
            && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
