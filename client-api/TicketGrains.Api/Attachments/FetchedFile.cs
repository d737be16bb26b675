namespace TicketGrains.Api.Attachments;

/// <summary>A file a platform's media API returned, with the name it gave (its Content-Disposition), if any.</summary>
public sealed record FetchedFile(string? FileName, byte[] Content);
