using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>Hostile variants of one operation's valid body: broken JSON, wrong types from the schema, missing and poisoned fields, size.</summary>
public static class HostileBodies
{
    /// <summary>Over the API's 256 KiB body limit.</summary>
    public const int OversizedBytes = 300 * 1024;

    /// <summary>Over the 16 KiB limit of routes with small bodies, far under the general one.</summary>
    public const int OverSmallLimitBytes = 20 * 1024;

    private const int NestingDepth = 5_000;
    private const string Placeholder = "hostile-value-goes-here";

    /// <summary>
    /// Every hostile body for the operation; the url is where it goes (its path parameters are valid). An operation that
    /// also takes multipart/form-data (a file) must refuse a JSON body sent as multipart as a malformed form, naming the
    /// file part, where every other operation refuses the type.
    /// </summary>
    public static IEnumerable<HostileRequest> For(string operation, HttpMethod method, string url, OperationSample sample, JsonObject schema,
        Func<string, JsonObject> resolve, string? multipartPart = null)
    {
        HostileRequest Raw(string name, string text, int? status = 400, string? field = null) =>
            new(operation, name, method, url, Encoding.UTF8.GetBytes(text), Status: status, Field: field);
        HostileRequest Poisoned(string label, string field, string text) => label == HostileValues.Huge && sample.SmallBody
            ? Raw($"{label} in {field}", text, status: 413)
            : Raw($"{label} in {field}", text, field: field);
        HostileRequest Edited(string name, Action<JsonObject> edit, string? field)
        {
            var body = sample.Body.DeepClone().AsObject();
            edit(body);
            return Raw(name, body.ToJsonString(), field: field);
        }

        var valid = sample.Body.ToJsonString();
        yield return Raw("truncated json", valid[..(valid.Length / 2)]);
        yield return Raw("not json", "subject=hello&body=world");
        yield return Raw("empty body", "");
        yield return Raw("json null", "null");
        yield return Raw("json array", "[" + valid + "]");
        yield return Raw("json string", JsonSerializer.Serialize(valid));
        yield return Raw("json number", "42");
        yield return Raw("trailing garbage", valid + " {}");
        yield return Raw("single quotes", valid.Replace('"', '\''));
        yield return Raw("comment", "/* hi */" + valid);
        yield return Raw("deeply nested", valid[..^1] + ",\"nested\":" + new string('[', NestingDepth) + new string(']', NestingDepth) + "}");
        yield return Raw("unknown member", valid[..^1] + ",\"isAdmin\":true}");
        if (sample.Required.Length > 0)
        {
            yield return Raw("empty object", "{}");
        }
        yield return new HostileRequest(operation, "invalid utf-8", method, url, [.. Encoding.UTF8.GetBytes(valid[..^1] + ",\"x\":\""), 0xFF, 0xFE, .. "\"}"u8], Status: 400);
        yield return new HostileRequest(operation, "oversized", method, url, Oversized(), Status: 413);
        yield return new HostileRequest(operation, "oversized, chunked", method, url, Oversized(), Chunked: true, Status: 413);
        if (sample.SmallBody)
        {
            yield return new HostileRequest(operation, "over the route's small-body limit", method, url, Oversized(OverSmallLimitBytes), Status: 413);
            yield return new HostileRequest(operation, "over the route's small-body limit, chunked", method, url, Oversized(OverSmallLimitBytes), Chunked: true, Status: 413);
        }
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml" })
        {
            var malformedForm = multipartPart is not null && contentType.StartsWith("multipart/", StringComparison.Ordinal);
            yield return new HostileRequest(operation, "content type " + contentType, method, url, Encoding.UTF8.GetBytes(valid), contentType,
                Status: malformedForm ? 400 : 415, Field: malformedForm ? multipartPart : null);
        }

        yield return new HostileRequest(operation, "no content type", method, url, Encoding.UTF8.GetBytes(valid), ContentType: null, Status: 415);

        foreach (var field in sample.Required)
        {
            yield return Edited("missing " + field, body => Parent(body, field, out var name).AsObject().Remove(name), field);
            yield return Edited("null " + field, body => Set(body, field, null), field);
        }

        foreach (var (field, wrong) in WrongTypes(schema, resolve, ""))
        {
            yield return Edited($"wrong type {field} = {Shorten(wrong?.ToJsonString() ?? "null")}", body => Set(body, field, wrong), field);
        }

        foreach (var field in sample.Constrained)
        {
            foreach (var (label, value) in HostileValues.Constrained)
            {
                var body = sample.Body.DeepClone().AsObject();
                Set(body, field, JsonValue.Create(value));
                yield return Poisoned(label, field, body.ToJsonString());
            }
        }

        foreach (var field in sample.FreeText)
        {
            foreach (var (label, literal) in HostileValues.FreeText)
            {
                // A placeholder goes through the JSON model, and the literal replaces it in the text, byte for byte.
                var body = sample.Body.DeepClone().AsObject();
                Set(body, field, JsonValue.Create(Placeholder));
                yield return Poisoned(label, field, body.ToJsonString().Replace(JsonSerializer.Serialize(Placeholder), literal, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>For each property of the schema (nested objects too), values of every JSON type it does not accept.</summary>
    private static IEnumerable<(string Field, JsonNode? Wrong)> WrongTypes(JsonObject schema, Func<string, JsonObject> resolve, string prefix)
    {
        // A free-form object (a channel's settings) has no properties of its own to mistype.
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var field = prefix + name;
            var (types, nested) = TypesOf(property!.AsObject(), resolve);
            if (!types.Contains("string") && !types.Contains("integer"))
            {
                yield return (field, JsonValue.Create("text"));
            }

            if (!types.Contains("integer") && !types.Contains("number"))
            {
                yield return (field, JsonValue.Create(12345));
            }
            else
            {
                yield return (field, JsonValue.Create(1.5));
                yield return (field, JsonValue.Create("twelve"));
            }

            if (!types.Contains("boolean"))
            {
                yield return (field, JsonValue.Create(true));
            }

            if (!types.Contains("array"))
            {
                yield return (field, new JsonArray(JsonValue.Create("x")));
            }

            if (!types.Contains("object"))
            {
                yield return (field, new JsonObject { ["$ne"] = 1 });
            }

            if (nested is not null)
            {
                foreach (var inner in WrongTypes(nested, resolve, field + "."))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The JSON types a property accepts ("null" aside), and its object schema when it is one.</summary>
    private static (HashSet<string> Types, JsonObject? Nested) TypesOf(JsonObject property, Func<string, JsonObject> resolve)
    {
        if (property["$ref"] is { } reference)
        {
            return (["object"], resolve(reference.GetValue<string>()));
        }

        if (property["oneOf"] is JsonArray choices)
        {
            var referenced = choices.Select(c => c!["$ref"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
            return referenced is null ? ([], null) : (["object"], resolve(referenced));
        }

        var types = property["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        return (types.Where(t => t != "null").ToHashSet(StringComparer.Ordinal), null);
    }

    private static void Set(JsonObject body, string field, JsonNode? value)
    {
        var parent = Parent(body, field, out var name);
        if (parent is JsonArray array)
        {
            array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[name] = value;
        }
    }

    private static JsonNode Parent(JsonObject body, string field, out string name)
    {
        var parts = field.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        name = parts[^1];
        return node;
    }

    private static byte[] Oversized(int bytes = OversizedBytes) => Encoding.UTF8.GetBytes("{\"subject\":\"" + new string('x', bytes) + "\"}");

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
