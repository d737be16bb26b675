using Npgsql;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Rules;

/// <summary><see cref="IRuleStore"/> on tg_rule_documents.</summary>
public sealed class PostgresRuleStore(NpgsqlDataSource database) : IRuleStore
{
    private const string Columns = "kind, id, version, document, updated_by, updated_at";

    public Task<IReadOnlyList<StoredDocument>> CurrentAsync(string tenant) => StorageErrors.Guard(() => ReadAsync(database.CreateCommand(
        $"SELECT DISTINCT ON (kind, id) {Columns} FROM tg_rule_documents WHERE tenant_id = $1 ORDER BY kind, id, version DESC"), tenant));

    public async Task<IReadOnlyList<RuleVersion>> HistoryAsync(string tenant, string kind, string id) =>
        (await StorageErrors.Guard(() => ReadAsync(database.CreateCommand(
            $"SELECT {Columns} FROM tg_rule_documents WHERE tenant_id = $1 AND kind = $2 AND id = $3 ORDER BY version"), tenant, kind, id)))
        .Select(d => d.Version).ToList();

    public Task<IReadOnlyList<StoredDocument>> AppendAsync(string tenant, IReadOnlyList<(string Kind, string Id, string Document)> documents, string actor, DateTimeOffset at) =>
        StorageErrors.Guard(async () =>
        {
            // One statement: each document takes the version after its current one, and all of them go in or none.
            await using var command = database.CreateCommand($"""
                INSERT INTO tg_rule_documents (tenant_id, kind, id, version, document, updated_by, updated_at)
                SELECT $1, d.kind, d.id,
                       COALESCE((SELECT max(version) FROM tg_rule_documents r WHERE r.tenant_id = $1 AND r.kind = d.kind AND r.id = d.id), 0) + 1,
                       d.document, $5, $6
                FROM unnest($2::text[], $3::text[], $4::text[]) AS d(kind, id, document)
                RETURNING {Columns}
                """);
            return await ReadAsync(command, tenant, documents.Select(d => d.Kind).ToArray(), documents.Select(d => d.Id).ToArray(),
                documents.Select(d => d.Document).ToArray(), actor, at);
        });

    private static async Task<IReadOnlyList<StoredDocument>> ReadAsync(NpgsqlCommand command, params object[] parameters)
    {
        await using var _ = command;
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var documents = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            documents.Add(new StoredDocument(reader.GetString(0), new RuleVersion(reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5))));
        }

        return documents;
    }
}
