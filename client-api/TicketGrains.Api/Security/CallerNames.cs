namespace TicketGrains.Api.Security;

/// <summary>The alphabets of subjects and role names; both end up in events, logs and URLs.</summary>
public static class CallerNames
{
    public const int MaxLength = 64;

    /// <summary>A subject (user or key id): letters, digits, '.', '_', '-', '@' or ':'.</summary>
    public static bool IsValidSubject(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@' or ':');

    /// <summary>A role name: lowercase letters, digits or '-'.</summary>
    public static bool IsValidRole(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
