namespace TicketGrains.Api.Privacy;

/// <summary>Endpoint metadata: the response carries personal data and goes through <see cref="PersonalDataFilter"/>.</summary>
public sealed class PersonalDataResponse
{
    public static PersonalDataResponse Instance { get; } = new();

    private PersonalDataResponse()
    {
    }
}
