using System.Text;

namespace TicketGrains.Grains.Rules;

/// <summary>RFC 6901 pointers: from System.Text.Json's paths ($.actions[0].type → /actions/0/type) and by segments.</summary>
public static class JsonPointer
{
    public static string Append(string pointer, string segment) => pointer + "/" + segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, int index) => pointer + "/" + index;

    public static string FromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        var pointer = new StringBuilder();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                pointer.Append(Append("", path[(i + 1)..end]));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i, StringComparison.Ordinal);
                pointer.Append(Append("", path[(i + 2)..end]));
                i = end + 2;
            }
            else
            {
                var end = path.IndexOf(']', i);
                pointer.Append('/').Append(path, i + 1, end - i - 1);
                i = end + 1;
            }
        }

        return pointer.ToString();
    }
}
