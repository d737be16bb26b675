namespace TicketGrains.Api.Privacy;

/// <summary>Marks endpoints (or whole groups) whose responses carry personal data.</summary>
public static class PersonalDataEndpoints
{
    public static TBuilder MasksPersonalData<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PersonalDataResponse.Instance).AddEndpointFilter<TBuilder, PersonalDataFilter>();
}
