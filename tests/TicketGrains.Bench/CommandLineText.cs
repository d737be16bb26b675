using System.Text.RegularExpressions;

namespace TicketGrains.Bench;

/// <summary>The command line as it is recorded in the report, shell-quoted and with any password masked.</summary>
public static partial class CommandLineText
{
    public const string Prefix = "dotnet run -c Release --project tests/TicketGrains.Bench --";

    public static string Of(BenchOptions options, IEnumerable<string> args) =>
        Mask(options.CommandLine ?? Prefix + " " + string.Join(' ', args.Select(Quote)));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or ',' or '=')
            ? arg
            : "\"" + arg.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Mask(string text) => Password().Replace(text, "${key}=***");

    [GeneratedRegex("(?<key>password|pwd)=[^;\"]*", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
