using System.Text;
using Npgsql;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>
/// Every row of every table in every schema of a database, as text: what someone holding a copy of the database would
/// see. Binary columns are also read as UTF-8, so text hidden in a byte payload (Orleans grain state) shows up too.
/// </summary>
public static class DatabaseDump
{
    public static async Task<(IReadOnlyList<string> Tables, string Text)> ReadAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = dataSource.CreateCommand($"SELECT * FROM {table}");
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(' ').Append(reader.IsDBNull(i) ? "NULL" : Describe(reader.GetValue(i)));
                }

                text.Append('\n');
            }
        }

        return (tables, text.ToString());
    }

    private static string Describe(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes) + " " + Encoding.UTF8.GetString(bytes),
        Array array => string.Join(",", array.Cast<object?>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
